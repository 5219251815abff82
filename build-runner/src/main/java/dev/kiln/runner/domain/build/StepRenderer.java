package dev.kiln.runner.domain.build;

import dev.kiln.flatcar.CacheAreas;
import dev.kiln.runner.domain.pipeline.Arches;
import dev.kiln.runner.domain.pipeline.StepDefinition;
import dev.kiln.runner.domain.pipeline.Template;
import dev.kiln.runner.domain.pipeline.TemplateException;
import dev.kiln.runner.domain.pipeline.TemplateVariables;
import dev.kiln.runner.domain.pipeline.VendorImages;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepLaunch;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a step's templates for one step run of a build, and builds the env contract every step gets:
 * {@code KILN_TAG}, {@code KILN_VERSION}, {@code KILN_VERSION_ID}, {@code KILN_BUILD_ID} (Flatcar's build id),
 * {@code KILN_SDK_VERSION}, {@code KILN_ARCH}, {@code KILN_VENDOR}, {@code KILN_CHANNEL}, {@code KILN_BUILD}
 * (Kiln's build id), {@code KILN_STEP}, {@code KILN_RUN}, {@code KILN_ATTEMPT}.
 */
public final class StepRenderer {

    private StepRenderer() {
    }

    /** The values every template of {@code run} may use. */
    public static Map<String, String> values(Build build, StepRun run) {
        VersionInfo v = build.version();
        if (v == null) {
            throw new IllegalStateException("build " + build.id() + " has no version yet");
        }
        Map<String, String> values = new HashMap<>();
        values.put("tag", v.tag());
        values.put("version", v.version());
        values.put("versionDocker", v.versionDocker());
        values.put("versionId", v.versionId());
        values.put("buildId", v.buildId() == null ? "" : v.buildId());
        values.put("sdkVersion", v.sdkVersion());
        values.put("sdkVersionDocker", v.sdkVersionDocker());
        values.put("channel", v.channelOrGroup());
        values.put("branch", v.branch() == null ? "" : v.branch());
        values.put("pipeline", build.pipeline().name());
        values.put("kilnBuild", build.id());
        if (run.arch() != null) {
            values.put("arch", run.arch());
            values.put("board", CacheAreas.board(run.arch()));
            values.put("sysextArch", Arches.sysextArch(run.arch()));
        }
        if (run.vendor() != null) {
            List<String> formats = VendorImages.formats(run.vendor());
            values.put("vendor", run.vendor());
            values.put("formats", String.join(" ", formats));
            values.put("format", formats.isEmpty() ? run.vendor() : formats.getFirst());
        }
        build.pipeline().params().forEach((name, value) -> values.put(TemplateVariables.PARAMS_PREFIX + name,
                build.request().params().getOrDefault(name, value)));
        addStepImages(build, values);
        return values;
    }

    private static void addStepImages(Build build, Map<String, String> values) {
        for (StepDefinition step : build.pipeline().steps()) {
            if (step.producesImage() != null && values.keySet().containsAll(step.producesImage().names())) {
                values.put(TemplateVariables.STEPS_PREFIX + step.name() + TemplateVariables.IMAGE_SUFFIX,
                        step.producesImage().render(values));
            }
        }
    }

    /** The cache paths (or file-name globs) {@code run} must leave behind. */
    public static List<String> outputs(Build build, StepRun run) {
        Map<String, String> values = values(build, run);
        return definition(build, run).outputs().stream().map(t -> t.render(values)).toList();
    }

    /**
     * Where the log of an attempt is stored: {@code build-logs/<V+>/<step>[-<arch>][-<vendor>].log}; an attempt
     * that is retried keeps its own {@code .attempt-<n>.log} so the last attempt does not overwrite it.
     */
    public static String logPath(Build build, StepRun run, int attempt, boolean retried) {
        String base = "build-logs/" + build.version().version() + "/" + run.key();
        return retried ? base + ".attempt-" + attempt + ".log" : base + ".log";
    }

    /** Everything an executor needs to start the current attempt of {@code run}. */
    public static StepLaunch launch(Build build, StepRun run) {
        StepDefinition step = definition(build, run);
        Map<String, String> values = values(build, run);
        Map<String, String> env = new LinkedHashMap<>(contract(build, run));
        step.env().forEach((name, template) -> env.put(name, template.render(values)));
        return new StepLaunch(new RunHandle(build.id(), run.key(), run.attempt()), run.step(), run.arch(),
                run.vendor(), build.version().tag(), step.image().render(values),
                step.command().stream().map(t -> t.render(values)).toList(), env, step.secrets(), step.timeout(),
                step.pod(), null);
    }

    private static Map<String, String> contract(Build build, StepRun run) {
        VersionInfo v = build.version();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KILN_TAG", v.tag());
        env.put("KILN_VERSION", v.version());
        env.put("KILN_VERSION_ID", v.versionId());
        env.put("KILN_BUILD_ID", v.buildId() == null ? "" : v.buildId());
        env.put("KILN_SDK_VERSION", v.sdkVersion());
        env.put("KILN_ARCH", run.arch() == null ? "" : run.arch());
        env.put("KILN_VENDOR", run.vendor() == null ? "" : run.vendor());
        env.put("KILN_CHANNEL", v.channelOrGroup());
        env.put("KILN_BUILD", build.id());
        env.put("KILN_STEP", run.step());
        env.put("KILN_RUN", run.key());
        env.put("KILN_ATTEMPT", Integer.toString(run.attempt()));
        return env;
    }

    static StepDefinition definition(Build build, StepRun run) {
        return build.pipeline().step(run.step()).orElseThrow(() -> new TemplateException(
                "pipeline '" + build.pipeline().name() + "' has no step '" + run.step() + "'"));
    }

    /** Renders one template for a run; used where a single value is needed. */
    public static String render(Build build, StepRun run, Template template) {
        return template.render(values(build, run));
    }
}
