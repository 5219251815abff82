package dev.kiln.release.domain.release;

import java.util.Map;
import java.util.TreeMap;

/**
 * The pipeline a release was built with: its name, the digest build-runner took of its definition, and the params
 * of the build. {@code name} and {@code digest} are null while unknown (builds announced before build.succeeded
 * carried them); {@code params} is empty then.
 */
public record PipelineInputs(String name, String digest, Map<String, String> params) {

    public static final PipelineInputs UNKNOWN = new PipelineInputs(null, null, Map.of());

    public PipelineInputs {
        name = blankToNull(name);
        digest = blankToNull(digest);
        // sorted, so that the manifest lists them the same way every time
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
