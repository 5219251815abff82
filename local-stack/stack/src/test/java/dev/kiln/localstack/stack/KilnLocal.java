package dev.kiln.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.localstack.infra.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Drives {@code ./kiln-local} as a user would, on free ports and a data directory of its own. */
final class KilnLocal {

    private static final Path ROOT = Path.of(System.getProperty("kiln.repo.root", "../..")).toAbsolutePath().normalize();

    final Path dataDir;
    private final List<String> portArgs = new ArrayList<>();
    final Map<String, Integer> ports = new HashMap<>();

    KilnLocal(Path dataDir) {
        this.dataDir = dataDir;
        for (String component : List.of("postgres", "kafka", "kafka-controller", "s3", "version-service",
                "build-runner", "artifact-service", "release-service", "console")) {
            int port = FreePorts.next();
            ports.put(component, port);
            portArgs.add("--port-" + component + "=" + port);
        }
    }

    Result up() {
        List<String> args = new ArrayList<>(List.of("up", "--detach", "--no-build", "--data-dir", dataDir.toString()));
        args.addAll(portArgs);
        return run(args);
    }

    Result down() {
        return run(List.of("down", "--data-dir", dataDir.toString()));
    }

    Result status() {
        return run(List.of("status", "--data-dir", dataDir.toString()));
    }

    Result demoRelease(String... options) {
        List<String> args = new ArrayList<>(List.of("demo", "release", "--data-dir", dataDir.toString()));
        args.addAll(List.of(options));
        return run(args);
    }

    Result kill(String component) {
        return run(List.of("kill", component, "--data-dir", dataDir.toString()));
    }

    Result restart(String component) {
        return run(List.of("restart", component, "--data-dir", dataDir.toString()));
    }

    long servicePid(String service) throws IOException {
        String key = "KILN_PID_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "=";
        return Files.readAllLines(dataDir.resolve("stack.env")).stream().filter(l -> l.startsWith(key))
                .map(l -> Long.parseLong(l.substring(key.length()).trim())).findFirst().orElseThrow();
    }

    String serviceUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    long launcherPid() throws IOException {
        return Long.parseLong(Files.readString(dataDir.resolve("stack.pid")).trim());
    }

    List<Long> childPids() throws IOException {
        String line = Files.readAllLines(dataDir.resolve("stack.env")).stream()
                .filter(l -> l.startsWith("KILN_PIDS=")).findFirst().orElseThrow();
        return Arrays.stream(line.substring("KILN_PIDS=".length()).replace("\"", "").trim().split(" +"))
                .map(Long::parseLong).toList();
    }

    record Result(int exitCode, String output) {
        Result assertSucceeded() {
            assertThat(exitCode).as(output).isZero();
            return this;
        }
    }

    /** {@code ./kiln ARGS} with its own config file, as a user at a terminal (stdout piped) would run it. */
    Result cli(Path config, String... args) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("kiln").toString()));
        command.addAll(List.of(args));
        return exec(command, Map.of("KILN_CONFIG", config.toString()));
    }

    private Result run(List<String> args) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("kiln-local").toString()));
        command.addAll(args);
        // use a service's AOT cache when there is one, never train: a training run makes `down` minutes longer
        return exec(command, Map.of("KILN_AOT", "use"));
    }

    private static Result exec(List<String> command, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("kiln-local", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
