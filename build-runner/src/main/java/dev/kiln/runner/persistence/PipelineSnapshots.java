package dev.kiln.runner.persistence;

import dev.kiln.runner.catalog.PipelineYaml;
import dev.kiln.runner.domain.pipeline.Pipeline;
import java.util.LinkedHashMap;
import java.util.Map;

/** Validated pipelines of stored builds, cached by the digest of their JSON (many builds share one definition). */
final class PipelineSnapshots {

    private static final int CAPACITY = 256;

    private final Map<String, Pipeline> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pipeline> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The pipeline of {@code digest}; {@code json} is only read when it is not cached. */
    synchronized Pipeline of(String digest, java.util.function.Supplier<String> json, String origin) {
        return cache.computeIfAbsent(digest, d -> PipelineYaml.fromJson(json.get(), origin));
    }

    static String digest(String json) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
