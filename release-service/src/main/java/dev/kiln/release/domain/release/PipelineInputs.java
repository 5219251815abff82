package dev.kiln.release.domain.release;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The pipeline a release was built with: its name, the digest build-runner took of its definition, and the params
 * of the build. {@code name} and {@code digest} are null while unknown (builds announced before build.succeeded
 * carried them); {@code params} is empty then. A digest that is no sha256 in hex, or a name longer than 200
 * characters, is kept as unknown rather than refusing the release for it.
 */
public record PipelineInputs(String name, String digest, Map<String, String> params) {

    private static final int MAX_NAME = 200;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    public static final PipelineInputs UNKNOWN = new PipelineInputs(null, null, Map.of());

    public PipelineInputs {
        name = blankToNull(name) == null || name.length() > MAX_NAME ? null : name;
        digest = digest != null && SHA256.matcher(digest).matches() ? digest : null;
        // sorted, so that the manifest lists them the same way every time
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
