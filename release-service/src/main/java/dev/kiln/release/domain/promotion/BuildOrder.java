package dev.kiln.release.domain.promotion;

import java.util.List;

/** What build-runner is asked to build for a request: {@code pipeline} on the allocated {@code tag}. */
public record BuildOrder(String pipeline, String tag, List<String> arches, List<String> vendors) {

    public BuildOrder {
        arches = List.copyOf(arches);
        vendors = List.copyOf(vendors);
    }
}
