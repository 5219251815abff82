package dev.kiln.artifact.domain.token;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.InvalidPathException;
import dev.kiln.flatcar.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Normalises the prefixes a step token is asked for: each a valid cache path (the same rules as every request
 * path: no {@code ..}, no empty segment, safe characters only), read as a directory, at least two segments deep
 * ({@code images/amd64/} at most, never a whole area or the root) and outside the channel directories, which only
 * the publishing APIs write. Duplicates and prefixes inside another one are dropped.
 */
public final class StepTokenPrefixes {

    /** More than a build writes: a full build of two arches testing on every vendor names about 40. */
    public static final int MAX_PREFIXES = 256;
    private static final int MIN_DEPTH = 2;

    private StepTokenPrefixes() {
    }

    public static List<String> normalise(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw invalid("a step token needs at least one prefix");
        }
        if (requested.size() > MAX_PREFIXES) {
            throw invalid("a step token takes at most " + MAX_PREFIXES + " prefixes, not " + requested.size());
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String raw : requested) {
            sorted.add(directory(raw).value());
        }
        List<String> kept = new ArrayList<>();
        for (String prefix : sorted) {
            // sorted order puts a directory right before everything inside it
            if (kept.isEmpty() || !prefix.startsWith(kept.getLast())) {
                kept.add(prefix);
            }
        }
        return List.copyOf(kept);
    }

    private static CachePath directory(String raw) {
        CachePath path;
        try {
            path = CachePath.parse(raw).asDirectory();
        } catch (InvalidPathException e) {
            throw invalid("prefix '" + raw + "': " + e.getMessage());
        }
        if (path.segments().size() < MIN_DEPTH) {
            throw invalid("prefix '" + raw + "' is too wide: name a directory at least " + MIN_DEPTH
                    + " levels deep, such as images/amd64/4593.2.5/");
        }
        if (Channel.ofId(path.segments().getFirst()).isPresent()) {
            throw invalid("prefix '" + raw + "' lies in a channel directory, which steps never write");
        }
        return path;
    }

    private static ArtifactException invalid(String detail) {
        return new ArtifactException(ArtifactException.Reason.INVALID_REQUEST, "invalid-step-token-prefix", detail, null);
    }
}
