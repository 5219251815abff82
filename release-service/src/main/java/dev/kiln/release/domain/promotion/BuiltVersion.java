package dev.kiln.release.domain.promotion;

import java.util.Collections;
import java.util.LinkedHashMap;
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
        // build-runner's params may hold a null value; Map.copyOf would refuse the whole build for it
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        arches = arches == null ? List.of() : List.copyOf(arches);
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
    }
}
