package dev.kiln.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The release side of {@code ./kiln} on the real stack, as two release managers at their terminals: one asks for a
 * new major with {@code kiln promote new-major --follow} and watches it; the example test system tests the candidate;
 * the other reads {@code kiln release gates} and approves with {@code kiln release approve} (the requester alone
 * cannot); the requester publishes it in alpha ({@code kiln channel publish}), and the watch ends with exit 0 and
 * {@code kiln channel show alpha} names the version. A second request, cancelled while it waits, ends its watch with
 * exit 1. Each identity is a context of its own whose token file is the one the stack wrote for it
 * ({@code <data dir>/tokens/<name>.token}), so no token is on a command line or in the environment.
 */
class CliReleaseIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("kiln.repo.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern PROMOTION_ID = Pattern.compile("promotion (\\S+): new-major");

    private final KilnLocal kiln = new KilnLocal(Path.of("target", "it-cli-release-" + UUID.randomUUID()).toAbsolutePath());
    private final Path config = kiln.dataDir.resolve("kiln-cli.config");
    private final List<Process> watches = new ArrayList<>();

    @AfterEach
    void tearDown() {
        watches.forEach(Process::destroyForcibly);
        kiln.down();
    }

    @Test
    void aNewMajorRequestedFromTheCommandLineIsTestedApprovedAndPublishedInAlpha() throws Exception {
        kiln.up().assertSucceeded();
        kiln.cli(config, "config", "use-local", "--data-dir", kiln.dataDir.toString()).assertSucceeded();
        for (String manager : List.of("release-manager-1", "release-manager-2")) {
            kiln.cli(config, "config", "set-context", manager,
                    "--version-service", kiln.serviceUrl("version-service"),
                    "--build-runner", kiln.serviceUrl("build-runner"),
                    "--artifact-service", kiln.serviceUrl("artifact-service"),
                    "--release-service", kiln.serviceUrl("release-service"),
                    "--token-file", kiln.dataDir.resolve("tokens/" + manager + ".token").toString()).assertSucceeded();
        }

        Watch newMajor = watch("--context", "release-manager-1", "promote", "new-major", "--arches", "amd64",
                "--vendors", "qemu_uefi", "--follow");
        String id = newMajor.promotionId();
        Watch second = watch("--context", "release-manager-1", "promote", "new-major", "--arches", "amd64",
                "--vendors", "qemu_uefi", "--follow");
        String secondId = second.promotionId();
        KilnLocal.Result cancel = cli("--context", "release-manager-1", "promotion", "cancel", secondId,
                "--reason", "one new major at a time");
        assertThat(cancel.exitCode()).as(cancel.output()).isZero();
        assertThat(second.awaitExit()).as(second.output()).isEqualTo(1);
        assertThat(second.output()).contains("cancelled", "one new major at a time");

        String version = await("the new major's version").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> json("promotion", "show", id).path("version").asText(""), v -> !v.isEmpty());
        assertThat(version).matches("\\d+\\.0\\.0");
        JsonNode gates = await("the example test system's reports on " + version).atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> gatesOnceReleased(version), CliReleaseIT::everySuiteSatisfied);
        assertThat(gates.path("channel").asText()).isEqualTo("alpha");

        KilnLocal.Result table = cli("release", "gates", version);
        assertThat(table.exitCode()).as(table.output()).isZero();
        assertThat(table.output()).contains(version + " (alpha, ", "SUITE", "kola", "amd64", "qemu_uefi", "satisfied",
                "approvals");

        KilnLocal.Result approve = cli("--context", "release-manager-2", "release", "approve", version,
                "--comment", "kola passed on amd64/qemu_uefi");
        assertThat(approve.exitCode()).as(approve.output()).isZero();
        KilnLocal.Result again = cli("--context", "release-manager-2", "release", "approve", version);
        assertThat(again.exitCode()).as(again.output()).isEqualTo(4);
        assertThat(again.output()).contains("kiln: ", "release-manager-2 already decided on " + version)
                .doesNotContain(token("release-manager-2"));

        await("release " + version + " ready").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> json("release", "gates", version).path("state").asText(), "ready"::equals);
        KilnLocal.Result publish = cli("--context", "release-manager-1", "channel", "publish", "alpha", version);
        assertThat(publish.exitCode()).as(publish.output()).isZero();

        assertThat(newMajor.awaitExit()).as(newMajor.output()).isZero();
        assertThat(newMajor.output()).contains("promotion " + id + ": new-major", " published");
        KilnLocal.Result channel = cli("channel", "show", "alpha");
        assertThat(channel.exitCode()).as(channel.output()).isZero();
        assertThat(channel.output()).contains("channel alpha").containsPattern("amd64\\s+" + Pattern.quote(version));
    }

    private static boolean everySuiteSatisfied(JsonNode gates) {
        List<JsonNode> suites = new ArrayList<>();
        gates.path("requirements").forEach(r -> {
            if ("suite".equals(r.path("kind").asText())) {
                suites.add(r);
            }
        });
        return !suites.isEmpty() && suites.stream().allMatch(s -> "satisfied".equals(s.path("status").asText()));
    }

    /** The release's gates; before its build has finished there is no release yet (exit 3, not found). */
    private JsonNode gatesOnceReleased(String version) throws IOException {
        KilnLocal.Result result = kiln.cli(config, "release", "gates", version, "-o", "json");
        if (result.exitCode() == 3) {
            assertThat(result.output()).contains("no release " + version);
            return JSON.missingNode();
        }
        return JSON.readTree(result.assertSucceeded().output());
    }

    private KilnLocal.Result cli(String... args) {
        return kiln.cli(config, args);
    }

    /** {@code ./kiln ARGS -o json}, which must succeed, as its document. */
    private JsonNode json(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("-o", "json"));
        KilnLocal.Result result = kiln.cli(config, command.toArray(String[]::new)).assertSucceeded();
        return JSON.readTree(result.output());
    }

    private String token(String identity) throws IOException {
        return Files.readString(kiln.dataDir.resolve("tokens/" + identity + ".token")).trim();
    }

    /** A {@code ./kiln ... --follow} running in the background, its output (stdout and stderr) in a file. */
    private Watch watch(String... args) throws IOException {
        Path out = Files.createTempFile(kiln.dataDir, "kiln-watch", ".out");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("kiln").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("KILN_CONFIG", config.toString());
        Process process = builder.start();
        watches.add(process);
        return new Watch(process, out);
    }

    private record Watch(Process process, Path out) {

        String output() {
            try {
                return Files.readString(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The id the watch printed first ({@code promotion <id>: new-major}). */
        String promotionId() {
            return await("the request's id").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        Matcher m = PROMOTION_ID.matcher(output());
                        assertThat(process.isAlive() || m.find(0)).as(output()).isTrue();
                        return m.find(0) ? m.group(1) : null;
                    }, id -> id != null);
        }

        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output()).isTrue();
            return process.exitValue();
        }
    }
}
