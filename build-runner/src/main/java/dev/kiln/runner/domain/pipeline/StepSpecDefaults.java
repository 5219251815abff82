package dev.kiln.runner.domain.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Applies a pipeline's {@code defaults} to a step: the step's own value wins; maps merge; lists add up. */
final class StepSpecDefaults {

    private StepSpecDefaults() {
    }

    static StepSpec apply(StepSpec defaults, StepSpec step) {
        if (defaults == null) {
            return step;
        }
        return new StepSpec(step.name(), step.description(), step.needs(),
                first(step, defaults, StepSpec::perArch), first(step, defaults, StepSpec::perVendor),
                first(step, defaults, StepSpec::vendors), first(step, defaults, StepSpec::image),
                step.producesImage(), first(step, defaults, StepSpec::run), first(step, defaults, StepSpec::command),
                first(step, defaults, StepSpec::args), merged(defaults.env(), step.env()),
                concat(defaults.secrets(), step.secrets()), first(step, defaults, StepSpec::timeout),
                first(step, defaults, StepSpec::retry), step.outputs(), first(step, defaults, StepSpec::privileged),
                first(step, defaults, StepSpec::hostDev), concat(defaults.volumes(), step.volumes()),
                first(step, defaults, StepSpec::resources), merged(defaults.nodeSelector(), step.nodeSelector()),
                concat(defaults.tolerations(), step.tolerations()), first(step, defaults, StepSpec::serviceAccount),
                first(step, defaults, StepSpec::hostNetwork), first(step, defaults, StepSpec::dockerDaemon));
    }

    private static <T> T first(StepSpec step, StepSpec defaults, Function<StepSpec, T> field) {
        T own = field.apply(step);
        return own != null ? own : field.apply(defaults);
    }

    private static Map<String, String> merged(Map<String, String> defaults, Map<String, String> own) {
        if (defaults == null) {
            return own;
        }
        Map<String, String> out = new LinkedHashMap<>(defaults);
        if (own != null) {
            out.putAll(own);
        }
        return out;
    }

    private static <T> List<T> concat(List<T> defaults, List<T> own) {
        if (defaults == null) {
            return own;
        }
        List<T> out = new ArrayList<>(defaults);
        if (own != null) {
            out.addAll(own);
        }
        return out;
    }
}
