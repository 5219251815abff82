package dev.kiln.runner.service;

import dev.kiln.runner.domain.build.CacheView;
import dev.kiln.runner.domain.port.ArtifactCache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * What one pass knows about the cache: the paths looked up so far. A path with a '*' in its file name is
 * a glob, answered from the listing of its directory. An absent path may appear as soon as a step runs,
 * so absences are forgotten whenever the pass launches something.
 */
final class CacheProbe implements CacheView {

    private final ArtifactCache cache;
    private final ExecutorService lookups;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    CacheProbe(ArtifactCache cache, ExecutorService lookups) {
        this.cache = cache;
        this.lookups = lookups;
    }

    @Override
    public Optional<Boolean> exists(String pathOrGlob) {
        return Optional.ofNullable(known.get(pathOrGlob));
    }

    /** Looks every path up in the cache, several at a time. */
    void lookUp(Collection<String> paths) {
        List<Future<?>> pending = new ArrayList<>();
        for (String path : new LinkedHashSet<>(paths)) {
            if (!known.containsKey(path)) {
                pending.add(lookups.submit(() -> known.put(path, path.contains("*") ? globExists(path) : cache.exists(path))));
            }
        }
        for (Future<?> lookup : pending) {
            try {
                lookup.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while looking up cache paths", e);
            }
        }
    }

    /**
     * Forgets the paths found absent: a step launched since may already have uploaded them, and a stale
     * absence would fail its attempt for missing outputs.
     */
    void forgetAbsent() {
        known.values().removeIf(present -> !present);
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
