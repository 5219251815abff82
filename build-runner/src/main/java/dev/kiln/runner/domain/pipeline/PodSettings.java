package dev.kiln.runner.domain.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Where and how a step's container runs on Kubernetes. The local executor ignores these: a local process
 * has the host's privileges, devices, network and Docker daemon.
 */
public record PodSettings(
        boolean privileged,
        boolean hostDev,
        List<Volume> volumes,
        Map<String, String> requests,
        Map<String, String> limits,
        Map<String, String> nodeSelector,
        List<Toleration> tolerations,
        String serviceAccount,
        boolean hostNetwork,
        boolean dockerDaemon) {

    /** A volume: {@code kind} says which of {@code source} (path, claim, secret or config map name) means. */
    public record Volume(String name, String mountPath, Kind kind, String source, String sizeLimit, String medium,
            boolean readOnly, boolean optional) {

        /** The volume sources Kiln supports. */
        public enum Kind { EMPTY_DIR, HOST_PATH, PERSISTENT_VOLUME_CLAIM, SECRET, CONFIG_MAP }
    }

    /** A Kubernetes toleration. */
    public record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) {
    }
}
