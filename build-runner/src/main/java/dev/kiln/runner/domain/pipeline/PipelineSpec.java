package dev.kiln.runner.domain.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A pipeline as written in YAML, before validation. Field names are the YAML keys; {@code defaults} holds
 * step settings every step inherits unless it sets its own.
 */
public record PipelineSpec(
        String name,
        String description,
        Map<String, String> params,
        StepSpec defaults,
        List<StepSpec> steps) {
}
