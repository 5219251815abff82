package dev.kiln.runner.domain.pipeline;

import dev.kiln.runner.domain.pipeline.PodSettings.Toleration;
import dev.kiln.runner.domain.pipeline.PodSettings.Volume;
import dev.kiln.runner.domain.pipeline.StepSpec.RetrySpec;
import dev.kiln.runner.domain.pipeline.StepSpec.VolumeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Turns one step spec (defaults applied) into a {@link StepDefinition}, collecting every problem it finds. */
final class StepConverter {

    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);
    static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(1, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(10));
    static final Set<String> RESERVED_VOLUMES = Set.of("workspace", "host-dev", "tmp", "docker-socket", "docker-data",
            "bincache-ssh");

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Set<String> OPERATORS = Set.of("Exists", "Equal");
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final Pattern QUANTITY = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)"
            + "([eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?");
    private static final Pattern RESOURCE_NAME = Pattern.compile("cpu|memory|ephemeral-storage|hugepages-[0-9]+[KMG]i"
            + "|[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private final List<String> problems;
    private final String prefix;

    StepConverter(String stepName, List<String> problems) {
        this.problems = problems;
        this.prefix = "step '" + stepName + "': ";
    }

    StepDefinition convert(StepSpec s) {
        boolean perArch = Boolean.TRUE.equals(s.perArch());
        boolean perVendor = Boolean.TRUE.equals(s.perVendor());
        if (perVendor && !perArch) {
            problem("perVendor needs perArch: true (vendor images are built per architecture)");
        }
        Set<String> include = vendorSet(s.vendors() == null ? null : s.vendors().include(), "vendors.include");
        Set<String> exclude = vendorSet(s.vendors() == null ? null : s.vendors().exclude(), "vendors.exclude");
        if (!perVendor && (!include.isEmpty() || !exclude.isEmpty())) {
            problem("vendors.include/exclude only apply to a step with perVendor: true");
        }
        return new StepDefinition(s.name(), s.description() == null ? "" : s.description(), needs(s), perArch,
                perVendor, include, exclude, image(s), optionalTemplate(s.producesImage(), "producesImage"),
                command(s), env(s), secrets(s), timeout(s), retry(s.retry()), outputs(s), pod(s));
    }

    private static List<String> needs(StepSpec s) {
        return s.needs() == null ? List.of() : List.copyOf(new LinkedHashSet<>(s.needs()));
    }

    private Template image(StepSpec s) {
        if (s.image() == null || s.image().isBlank()) {
            problem("image is required (set it on the step or in defaults)");
            return Template.literal("");
        }
        return template(s.image(), "image");
    }

    private List<Template> command(StepSpec s) {
        boolean hasRun = s.run() != null && !s.run().isBlank();
        boolean hasCommand = s.command() != null && !s.command().isEmpty();
        if (hasRun == hasCommand) {
            problem("exactly one of 'run' (a bash script) or 'command' must be set");
            return List.of();
        }
        if (hasRun && s.args() != null && !s.args().isEmpty()) {
            problem("'args' only go with 'command', not with 'run'");
        }
        List<String> words = hasRun ? List.of("/bin/bash", "-e", "-c", s.run())
                : Stream.concat(s.command().stream(), s.args() == null ? Stream.empty() : s.args().stream()).toList();
        return words.stream().map(w -> template(w, "command")).toList();
    }

    private Map<String, Template> env(StepSpec s) {
        Map<String, Template> env = new LinkedHashMap<>();
        if (s.env() != null) {
            s.env().forEach((name, value) -> {
                checkEnvName(name, "env");
                env.put(name, template(value == null ? "" : value, "env." + name));
            });
        }
        return env;
    }

    private List<SecretEnv> secrets(StepSpec s) {
        List<SecretEnv> out = new ArrayList<>();
        for (StepSpec.SecretSpec secret : s.secrets() == null ? List.<StepSpec.SecretSpec>of() : s.secrets()) {
            if (secret.env() == null || secret.secret() == null || secret.key() == null) {
                problem("every secret needs env, secret and key");
                continue;
            }
            checkEnvName(secret.env(), "secrets");
            if (!DNS_LABEL.matcher(secret.secret()).matches() && !secret.secret().matches("[a-z0-9.-]{1,253}")) {
                problem("secret name '" + secret.secret() + "' is not a valid Kubernetes name");
            }
            out.add(new SecretEnv(secret.env(), secret.secret(), secret.key()));
        }
        return out;
    }

    private void checkEnvName(String name, String where) {
        if (!ENV_NAME.matcher(name).matches()) {
            problem(where + ": '" + name + "' is not a valid environment variable name");
        } else if (name.startsWith("KILN_")) {
            problem(where + ": '" + name + "' is reserved: Kiln sets the KILN_* variables itself");
        }
    }

    private Duration timeout(StepSpec s) {
        if (s.timeout() == null) {
            return DEFAULT_TIMEOUT;
        }
        Duration d = duration(s.timeout(), "timeout");
        if (d != null && d.toSeconds() < 1) {
            problem("timeout must be at least 1s");
        }
        return d == null || d.toSeconds() < 1 ? DEFAULT_TIMEOUT : d;
    }

    private RetryPolicy retry(RetrySpec r) {
        if (r == null) {
            return DEFAULT_RETRY;
        }
        int attempts = r.attempts() == null ? DEFAULT_RETRY.attempts() : r.attempts();
        Duration backoff = r.backoff() == null ? DEFAULT_RETRY.backoff() : duration(r.backoff(), "retry.backoff");
        Duration max = r.maxBackoff() == null ? null : duration(r.maxBackoff(), "retry.maxBackoff");
        double multiplier = r.multiplier() == null ? DEFAULT_RETRY.multiplier() : r.multiplier();
        if (backoff == null) {
            return DEFAULT_RETRY;
        }
        Duration cap = max != null ? max : backoff.compareTo(DEFAULT_RETRY.maxBackoff()) > 0 ? backoff
                : DEFAULT_RETRY.maxBackoff();
        try {
            return new RetryPolicy(attempts, backoff, multiplier, cap);
        } catch (IllegalArgumentException e) {
            problem("retry: " + e.getMessage());
            return DEFAULT_RETRY;
        }
    }

    private List<Template> outputs(StepSpec s) {
        List<Template> out = new ArrayList<>();
        for (String path : s.outputs() == null ? List.<String>of() : s.outputs()) {
            if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..") || path.endsWith("/")) {
                problem("output '" + path + "' must be a relative cache path of a file (no leading '/', no '..')");
                continue;
            }
            int slash = path.lastIndexOf('/');
            if (path.substring(0, Math.max(slash, 0)).contains("*")) {
                problem("output '" + path + "': a '*' may only appear in the file name, not in a directory");
            }
            out.add(template(path, "outputs"));
        }
        return out;
    }

    private PodSettings pod(StepSpec s) {
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

    private Set<String> vendorSet(List<String> vendors, String where) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : vendors == null ? List.<String>of() : vendors) {
            if (!VendorImages.isKnown(v)) {
                problem(where + ": unknown vendor '" + v + "'");
            }
            out.add(v);
        }
        return Set.copyOf(out);
    }

    private Template optionalTemplate(String text, String where) {
        return text == null ? null : template(text, where);
    }

    private Template template(String text, String where) {
        try {
            return Template.parse(text);
        } catch (TemplateException e) {
            problem(where + ": " + e.getMessage());
            return Template.literal("");
        }
    }

    private Duration duration(String text, String where) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            problem(where + ": " + e.getMessage());
            return null;
        }
    }

    private void problem(String message) {
        problems.add(prefix + message);
    }
}
