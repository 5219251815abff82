package dev.kiln.runner.service;

import dev.kiln.runner.domain.build.CacheView;
import dev.kiln.runner.domain.port.ArtifactCache;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one pass knows about the cache: the paths looked up so far. A path with a '*' in its file name is
 * a glob, answered from the listing of its directory.
 */
final class CacheProbe implements CacheView {

    private final ArtifactCache cache;
    private final Map<String, Boolean> known = new HashMap<>();

    CacheProbe(ArtifactCache cache) {
        this.cache = cache;
    }

    @Override
    public Optional<Boolean> exists(String pathOrGlob) {
        return Optional.ofNullable(known.get(pathOrGlob));
    }

    /** Looks every path up in the cache. */
    void lookUp(Collection<String> paths) {
        for (String path : paths) {
            if (!known.containsKey(path)) {
                known.put(path, path.contains("*") ? globExists(path) : cache.exists(path));
            }
        }
    }

    private boolean globExists(String glob) {
        int slash = glob.lastIndexOf('/');
        String dir = slash < 0 ? "" : glob.substring(0, slash);
        Pattern name = globPattern(glob.substring(slash + 1));
        return cache.list(dir).stream().anyMatch(entry -> name.matcher(entry).matches());
    }

    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
