package dev.kiln.release.domain.promotion;

import java.util.List;
import java.util.Map;

/**
 * What a build made, as a candidate needs it, whichever way it became known: from {@code dev.kiln.build.succeeded.v1}
 * or from build-runner's answer when that event did not come. Fields build-runner did not give are null (empty
 * lists and params).
 */
public record BuiltVersion(String buildId, String pipeline, String pipelineDigest, Map<String, String> params, String tag,
        String version, String sdkVersion, List<String> arches, List<String> vendors, String branch, String commit) {

    public BuiltVersion {
        params = params == null ? Map.of() : Map.copyOf(params);
        arches = arches == null ? List.of() : List.copyOf(arches);
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
    }
}
