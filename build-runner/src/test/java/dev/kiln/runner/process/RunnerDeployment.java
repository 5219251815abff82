package dev.kiln.runner.process;

import dev.kiln.testing.PackagedService;
import java.util.List;

/** The packaged runner launched with the JVM flags and environment its Deployment gives it. */
public final class RunnerDeployment {

    /** What {@code k8s/base/build-runner.yaml} gives the runner's JVM (see docs/operations.md). */
    public static final List<String> JVM_FLAGS = List.of("-Xmx300m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m");

    private RunnerDeployment() {
    }

    /** A launch of build-runner's {@code quarkus-run.jar} as deployed; the caller adds configuration and a log. */
    public static PackagedService.Launch launch() {
        return PackagedService.launch("build-runner").jvmOptions(JVM_FLAGS).environment("MALLOC_ARENA_MAX", "2");
    }
}
