package dev.kiln.runner.domain.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated pipeline. {@code steps} are in a topological order (every step after the steps it needs);
 * {@code spec} is what was written, kept so that a build runs the definition it started with.
 */
public record Pipeline(String name, String description, Map<String, String> params, List<StepDefinition> steps,
        PipelineSpec spec, String origin) {

    public Optional<StepDefinition> step(String stepName) {
        return steps.stream().filter(s -> s.name().equals(stepName)).findFirst();
    }
}
