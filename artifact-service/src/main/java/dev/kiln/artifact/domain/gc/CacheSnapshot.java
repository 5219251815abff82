package dev.kiln.artifact.domain.gc;

import java.util.List;
import java.util.Map;

/**
 * The directory names the sweeps look at, by parent directory ({@code images/}, {@code images/amd64/}, ...),
 * as listed from the object store just before planning.
 */
public record CacheSnapshot(Map<String, List<String>> children) {

    public CacheSnapshot {
        children = Map.copyOf(children);
    }

    /** The sub-directory names of {@code directory} (ending with {@code /}); empty when unknown. */
    public List<String> childrenOf(String directory) {
        return children.getOrDefault(directory, List.of());
    }

    public boolean has(String directory, String child) {
        return childrenOf(directory).contains(child);
    }
}
