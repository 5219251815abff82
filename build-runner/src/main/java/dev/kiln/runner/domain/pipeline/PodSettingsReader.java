package dev.kiln.runner.domain.pipeline;

import dev.kiln.runner.domain.pipeline.PodSettings.Toleration;
import dev.kiln.runner.domain.pipeline.PodSettings.Volume;
import dev.kiln.runner.domain.pipeline.StepSpec.VolumeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the Kubernetes side of one step spec (privileges, resources, volumes, scheduling) into {@link PodSettings},
 * collecting every problem: the rules the API server would otherwise refuse the Pod for, found before a build runs.
 */
final class PodSettingsReader {

    static final Set<String> RESERVED_VOLUMES = Set.of("workspace", "host-dev", "tmp", "docker-socket", "docker-data",
            "bincache-ssh");
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static final Set<String> OPERATORS = Set.of("Exists", "Equal");
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final Pattern QUANTITY = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)"
            + "([eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?");
    private static final Pattern RESOURCE_NAME = Pattern.compile("cpu|memory|ephemeral-storage|hugepages-[0-9]+[KMG]i"
            + "|[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private final List<String> problems;
    private final String prefix;

    PodSettingsReader(String stepName, List<String> problems) {
        this.problems = problems;
        this.prefix = "step '" + stepName + "': ";
    }

    PodSettings read(StepSpec s) {
        if (Boolean.TRUE.equals(s.hostDev()) && !Boolean.TRUE.equals(s.privileged())) {
            problem("hostDev needs privileged: true (an unprivileged container cannot use the host's devices)");
        }
        checkResources(s.resources());
        checkMountPaths(s);
        return new PodSettings(Boolean.TRUE.equals(s.privileged()), Boolean.TRUE.equals(s.hostDev()), volumes(s),
                s.resources() == null || s.resources().requests() == null ? Map.of() : Map.copyOf(s.resources().requests()),
                s.resources() == null || s.resources().limits() == null ? Map.of() : Map.copyOf(s.resources().limits()),
                s.nodeSelector() == null ? Map.of() : Map.copyOf(s.nodeSelector()), tolerations(s), s.serviceAccount(),
                Boolean.TRUE.equals(s.hostNetwork()), Boolean.TRUE.equals(s.dockerDaemon()));
    }

    private void checkResources(StepSpec.ResourcesSpec resources) {
        if (resources == null) {
            return;
        }
        Map<String, String> all = new LinkedHashMap<>();
        if (resources.requests() != null) {
            resources.requests().forEach((k, v) -> all.put("requests." + k, v));
        }
        if (resources.limits() != null) {
            resources.limits().forEach((k, v) -> all.put("limits." + k, v));
        }
        all.forEach((key, value) -> {
            String name = key.substring(key.indexOf('.') + 1);
            if (!RESOURCE_NAME.matcher(name).matches()) {
                problem("resources." + key + ": '" + name + "' is not a resource name (cpu, memory, ephemeral-storage,"
                        + " or <domain>/<name>)");
            }
            if (value == null || !QUANTITY.matcher(value).matches()) {
                problem("resources." + key + ": '" + value + "' is not a Kubernetes quantity (like 500m, 4, 16Gi)");
            }
        });
    }

    /** Kiln mounts the checkout, /tmp, the host /dev and the Docker socket itself; a volume may not hide them. */
    private void checkMountPaths(StepSpec s) {
        Set<String> taken = new HashSet<>(Set.of("/work", "/work/scripts", "/tmp"));
        if (Boolean.TRUE.equals(s.hostDev())) {
            taken.add("/dev");
        }
        if (Boolean.TRUE.equals(s.dockerDaemon())) {
            taken.addAll(Set.of("/run/kiln-docker", "/var/lib/docker"));
        }
        for (VolumeSpec v : s.volumes() == null ? List.<VolumeSpec>of() : s.volumes()) {
            String path = v.mountPath();
            if (path == null || !path.startsWith("/")) {
                continue;
            }
            if (path.contains("/../") || path.endsWith("/..") || path.contains("//") || (path.length() > 1 && path.endsWith("/"))) {
                problem("volume '" + v.name() + "': mountPath '" + path + "' must be a normalised absolute path");
            } else if (!taken.add(path)) {
                problem("volume '" + v.name() + "': mountPath '" + path + "' is already mounted (by Kiln or another volume)");
            }
        }
    }

    private List<Volume> volumes(StepSpec s) {
        List<Volume> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (VolumeSpec v : s.volumes() == null ? List.<VolumeSpec>of() : s.volumes()) {
            if (v.name() == null || !DNS_LABEL.matcher(v.name()).matches() || RESERVED_VOLUMES.contains(v.name())) {
                problem("volume name '" + v.name() + "' must be a DNS label other than " + RESERVED_VOLUMES);
                continue;
            }
            if (!names.add(v.name())) {
                problem("volume '" + v.name() + "' is declared twice");
            }
            if (v.mountPath() == null || !v.mountPath().startsWith("/")) {
                problem("volume '" + v.name() + "': mountPath must be an absolute path");
            }
            long sources = Stream.of(v.emptyDir(), v.hostPath(), v.persistentVolumeClaim(), v.secret(), v.configMap())
                    .filter(Objects::nonNull).count();
            if (sources != 1) {
                problem("volume '" + v.name() + "' needs exactly one of emptyDir, hostPath, persistentVolumeClaim, secret, configMap");
                continue;
            }
            if (v.hostPath() != null && !v.hostPath().startsWith("/")) {
                problem("volume '" + v.name() + "': hostPath '" + v.hostPath() + "' must be an absolute path");
            }
            if (v.emptyDir() != null && v.emptyDir().medium() != null && !v.emptyDir().medium().isEmpty()
                    && !"Memory".equals(v.emptyDir().medium())) {
                problem("volume '" + v.name() + "': emptyDir.medium must be Memory or empty, was '" + v.emptyDir().medium() + "'");
            }
            if (v.emptyDir() != null && v.emptyDir().sizeLimit() != null && !QUANTITY.matcher(v.emptyDir().sizeLimit()).matches()) {
                problem("volume '" + v.name() + "': emptyDir.sizeLimit '" + v.emptyDir().sizeLimit() + "' is not a quantity");
            }
            if (Boolean.TRUE.equals(v.optional()) && v.secret() == null && v.configMap() == null) {
                problem("volume '" + v.name() + "': only secret and configMap volumes can be optional");
            }
            out.add(volume(v));
        }
        return out;
    }

    private static Volume volume(VolumeSpec v) {
        boolean readOnly = Boolean.TRUE.equals(v.readOnly());
        boolean optional = Boolean.TRUE.equals(v.optional());
        if (v.emptyDir() != null) {
            return new Volume(v.name(), v.mountPath(), Volume.Kind.EMPTY_DIR, null, v.emptyDir().sizeLimit(),
                    v.emptyDir().medium(), readOnly, false);
        }
        if (v.hostPath() != null) {
            return new Volume(v.name(), v.mountPath(), Volume.Kind.HOST_PATH, v.hostPath(), null, null, readOnly, false);
        }
        if (v.persistentVolumeClaim() != null) {
            return new Volume(v.name(), v.mountPath(), Volume.Kind.PERSISTENT_VOLUME_CLAIM, v.persistentVolumeClaim(),
                    null, null, readOnly, false);
        }
        if (v.secret() != null) {
            return new Volume(v.name(), v.mountPath(), Volume.Kind.SECRET, v.secret(), null, null, true, optional);
        }
        return new Volume(v.name(), v.mountPath(), Volume.Kind.CONFIG_MAP, v.configMap(), null, null, true, optional);
    }

    private List<Toleration> tolerations(StepSpec s) {
        List<Toleration> out = new ArrayList<>();
        for (StepSpec.TolerationSpec t : s.tolerations() == null ? List.<StepSpec.TolerationSpec>of() : s.tolerations()) {
            String operator = t.operator() == null ? "Equal" : t.operator();
            if (!OPERATORS.contains(operator)) {
                problem("toleration operator must be Exists or Equal, was '" + operator + "'");
            }
            if (t.effect() != null && !EFFECTS.contains(t.effect())) {
                problem("toleration effect must be one of " + EFFECTS + ", was '" + t.effect() + "'");
            }
            if ("Exists".equals(operator) && t.value() != null) {
                problem("toleration with operator Exists may not have a value");
            }
            if ("Equal".equals(operator) && (t.key() == null || t.key().isBlank())) {
                problem("toleration with operator Equal needs a key");
            }
            if (t.tolerationSeconds() != null && !"NoExecute".equals(t.effect())) {
                problem("tolerationSeconds only applies to effect NoExecute");
            }
            out.add(new Toleration(t.key(), operator, t.value(), t.effect(), t.tolerationSeconds()));
        }
        return out;
    }

    private void problem(String message) {
        problems.add(prefix + message);
    }
}
