package dev.kiln.runner.api;

import dev.kiln.runner.domain.pipeline.Pipeline;
import dev.kiln.runner.domain.pipeline.PodSettings;
import dev.kiln.runner.domain.pipeline.StepDefinition;
import dev.kiln.runner.domain.pipeline.Template;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A pipeline as the runner validated it (defaults applied); templates are shown as written. */
public record PipelineResponse(String name, String description, String origin, Map<String, String> params,
        List<Step> steps) {

    /** One step of the pipeline. */
    public record Step(String name, String description, List<String> needs, boolean perArch, boolean perVendor,
            Set<String> includeVendors, Set<String> excludeVendors, String image, String producesImage,
            List<String> command, Map<String, String> env, List<String> secrets, String timeout, Retry retry,
            List<String> outputs, PodSettings pod) {
    }

    /** A retry policy: attempts per round and backoff. */
    public record Retry(int attempts, String backoff, double multiplier, String maxBackoff) {
    }

    static PipelineResponse of(Pipeline p) {
        return new PipelineResponse(p.name(), p.description(), p.origin(), new TreeMap<>(p.params()),
                p.steps().stream().map(PipelineResponse::step).toList());
    }

    private static Step step(StepDefinition s) {
        Map<String, String> env = new TreeMap<>();
        s.env().forEach((k, v) -> env.put(k, v.source()));
        return new Step(s.name(), s.description(), s.needs(), s.perArch(), s.perVendor(), s.includeVendors(),
                s.excludeVendors(), s.image().source(), s.producesImage() == null ? null : s.producesImage().source(),
                s.command().stream().map(Template::source).toList(), env,
                s.secrets().stream().map(x -> x.env() + "=" + x.secret() + "/" + x.key()).toList(),
                s.timeout().toString(), new Retry(s.retry().attempts(), s.retry().backoff().toString(),
                        s.retry().multiplier(), s.retry().maxBackoff().toString()),
                s.outputs().stream().map(Template::source).toList(), s.pod());
    }
}
