package dev.kiln.clients.build;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Body of build-runner's {@code POST /api/v1/builds}, field for field as docs/api/build-runner.md lists them: a
 * {@code pipeline} for {@code arches} (and {@code vendors}) on a new version ({@code kind} with its fields) or on an
 * existing {@code tag}. Absent fields are left out of the JSON, so the server applies its defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateBuildRequest(
        String pipeline,
        String kind,
        String branch,
        List<String> arches,
        List<String> vendors,
        String tag,
        Map<String, String> params,
        String from,
        String to,
        String suffix,
        String sdkVersion,
        Boolean skipCached) {

    public CreateBuildRequest {
        arches = arches == null ? null : List.copyOf(arches);
        vendors = vendors == null ? null : List.copyOf(vendors);
        params = params == null ? null : Map.copyOf(params);
    }

    /** A build of an existing tag (the version version-service allocated before); empty {@code vendors} means none. */
    public static CreateBuildRequest ofTag(String pipeline, String tag, List<String> arches, List<String> vendors) {
        return new CreateBuildRequest(pipeline, null, null, arches, vendors == null || vendors.isEmpty() ? null : vendors, tag,
                null, null, null, null, null, null);
    }
}
