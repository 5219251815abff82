package dev.kiln.runner.domain.pipeline;

import dev.kiln.runner.domain.pipeline.StepSpec.RetrySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads one step spec (defaults applied) into a {@link StepDefinition}: what the step runs, when, with what and
 * what it leaves in the cache, collecting every problem; its Pod settings are {@link PodSettingsReader}'s.
 */
final class StepDefinitionReader {

    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);
    static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(1, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(10));

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<String> problems;
    private final String prefix;
    private final PodSettingsReader pods;

    StepDefinitionReader(String stepName, List<String> problems) {
        this.problems = problems;
        this.prefix = "step '" + stepName + "': ";
        this.pods = new PodSettingsReader(stepName, problems);
    }

    StepDefinition read(StepSpec s) {
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
                command(s), env(s), secrets(s), timeout(s), retry(s.retry()), outputs(s), pods.read(s));
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
            if (!PodSettingsReader.DNS_LABEL.matcher(secret.secret()).matches() && !secret.secret().matches("[a-z0-9.-]{1,253}")) {
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
