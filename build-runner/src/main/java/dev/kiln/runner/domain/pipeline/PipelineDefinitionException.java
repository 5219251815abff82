package dev.kiln.runner.domain.pipeline;

import java.util.List;

/** A pipeline definition was rejected; {@link #problems()} lists every reason, each naming the step. */
public class PipelineDefinitionException extends RuntimeException {

    private final String origin;
    private final List<String> problems;

    public PipelineDefinitionException(String origin, List<String> problems) {
        super("invalid pipeline definition " + origin + ":\n  - " + String.join("\n  - ", problems));
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    /** Where the definition came from: a file path or a classpath resource. */
    public String origin() {
        return origin;
    }

    public List<String> problems() {
        return problems;
    }
}
