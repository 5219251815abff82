package dev.kiln.runner.domain.pipeline;

import java.util.List;
import java.util.Map;

/**
 * One step as written in YAML. Either {@code run} (a bash script) or {@code command} (+ {@code args}) says
 * what runs; strings are templates. {@code dockerDaemon} gives the step a Docker daemon of its own (Flatcar's
 * ci-automation wrappers drive the SDK through {@code docker run}). Null means "not set": the pipeline's {@code defaults} or Kiln's apply.
 */
public record StepSpec(
        String name,
        String description,
        List<String> needs,
        Boolean perArch,
        Boolean perVendor,
        VendorFilterSpec vendors,
        String image,
        String producesImage,
        String run,
        List<String> command,
        List<String> args,
        Map<String, String> env,
        List<SecretSpec> secrets,
        String timeout,
        RetrySpec retry,
        List<String> outputs,
        Boolean privileged,
        Boolean hostDev,
        List<VolumeSpec> volumes,
        ResourcesSpec resources,
        Map<String, String> nodeSelector,
        List<TolerationSpec> tolerations,
        String serviceAccount,
        Boolean hostNetwork,
        Boolean dockerDaemon) {

    /** Which vendor images a per-vendor step runs for: all requested ones, minus {@code exclude}, within {@code include}. */
    public record VendorFilterSpec(List<String> include, List<String> exclude) {
    }

    /** An environment variable filled from a key of a Kubernetes Secret. */
    public record SecretSpec(String env, String secret, String key) {
    }

    /** How often a step run is attempted and how long to wait between attempts. */
    public record RetrySpec(Integer attempts, String backoff, Double multiplier, String maxBackoff) {
    }

    /**
     * A volume mounted into the step's container; exactly one source is set. {@code optional} (secret and
     * config map only): the pod starts without it when it does not exist.
     */
    public record VolumeSpec(
            String name,
            String mountPath,
            EmptyDirSpec emptyDir,
            String hostPath,
            String persistentVolumeClaim,
            String secret,
            String configMap,
            Boolean readOnly,
            Boolean optional) {
    }

    /** Scratch space for one pod; {@code medium: Memory} for tmpfs. */
    public record EmptyDirSpec(String sizeLimit, String medium) {
    }

    /** Kubernetes resource quantities, e.g. {@code cpu: "4"}, {@code memory: 16Gi}. */
    public record ResourcesSpec(Map<String, String> requests, Map<String, String> limits) {
    }

    /** A Kubernetes toleration. */
    public record TolerationSpec(String key, String operator, String value, String effect, Long tolerationSeconds) {
    }
}
