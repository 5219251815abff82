package dev.kiln.runner.domain.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables a pipeline template may use, with the fan-out each needs. Besides these,
 * {@code params.<name>} (a declared pipeline parameter) and {@code steps.<step>.image} (the image an
 * upstream step produces) are allowed.
 */
public final class TemplateVariables {

    public static final String PARAMS_PREFIX = "params.";
    public static final String STEPS_PREFIX = "steps.";
    public static final String IMAGE_SUFFIX = ".image";

    private static final Map<String, Scope> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put("tag", Scope.BUILD);
        FIXED.put("version", Scope.BUILD);
        FIXED.put("versionDocker", Scope.BUILD);
        FIXED.put("versionId", Scope.BUILD);
        FIXED.put("buildId", Scope.BUILD);
        FIXED.put("sdkVersion", Scope.BUILD);
        FIXED.put("sdkVersionDocker", Scope.BUILD);
        FIXED.put("channel", Scope.BUILD);
        FIXED.put("branch", Scope.BUILD);
        FIXED.put("pipeline", Scope.BUILD);
        FIXED.put("kilnBuild", Scope.BUILD);
        FIXED.put("arch", Scope.ARCH);
        FIXED.put("board", Scope.ARCH);
        FIXED.put("sysextArch", Scope.ARCH);
        FIXED.put("vendor", Scope.VENDOR);
        FIXED.put("formats", Scope.VENDOR);
        FIXED.put("format", Scope.VENDOR);
    }

    private TemplateVariables() {
    }

    /** The scope of a fixed variable, or empty for parameters, step images and unknown names. */
    public static Optional<Scope> scopeOf(String name) {
        return Optional.ofNullable(FIXED.get(name));
    }

    /** The fixed variable names, in documentation order. */
    public static Iterable<String> fixedNames() {
        return FIXED.keySet();
    }

    /** The step named by {@code steps.<step>.image}, or empty if {@code name} has another form. */
    public static Optional<String> imageOfStep(String name) {
        if (name.startsWith(STEPS_PREFIX) && name.endsWith(IMAGE_SUFFIX)
                && name.length() > STEPS_PREFIX.length() + IMAGE_SUFFIX.length()) {
            return Optional.of(name.substring(STEPS_PREFIX.length(), name.length() - IMAGE_SUFFIX.length()));
        }
        return Optional.empty();
    }

    /** The parameter named by {@code params.<name>}, or empty if {@code name} has another form. */
    public static Optional<String> param(String name) {
        return name.startsWith(PARAMS_PREFIX) && name.length() > PARAMS_PREFIX.length()
                ? Optional.of(name.substring(PARAMS_PREFIX.length())) : Optional.empty();
    }
}
