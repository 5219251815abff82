package dev.kiln.runner.persistence;

import dev.kiln.runner.catalog.PipelineYaml;
import dev.kiln.runner.domain.pipeline.Pipeline;
import java.util.LinkedHashMap;
import java.util.Map;

/** Validated pipelines of stored builds, cached by their JSON text (many builds share one definition). */
final class PipelineSnapshots {

    private static final int CAPACITY = 256;

    private final Map<String, Pipeline> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pipeline> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Pipeline of(String json, String origin) {
        return cache.computeIfAbsent(json, j -> PipelineYaml.fromJson(j, origin));
    }
}
