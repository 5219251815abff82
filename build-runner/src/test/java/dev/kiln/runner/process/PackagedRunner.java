package dev.kiln.runner.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The build-runner as deployed: the packaged {@code quarkus-app/quarkus-run.jar} in a JVM of its own, with
 * the JVM flags and environment of the Deployment, configured through system properties.
 */
public final class PackagedRunner implements AutoCloseable {

    /** What {@code k8s/base/build-runner.yaml} gives the runner's JVM (see docs/operations.md). */
    public static final List<String> DEPLOYMENT_JVM_FLAGS = List.of("-Xmx300m", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=64m");

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;

    public PackagedRunner(int port, Map<String, String> config, Path log) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run through `./mvnw verify`"
                    + " (with -Pbench for the benchmark) so that the package phase builds it first");
        }
        this.port = port;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(DEPLOYMENT_JVM_FLAGS);
        command.add("-XX:NativeMemoryTracking=summary");
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        process = builder.start();
    }

    /** Waits until the runner answers ready, or fails if it exits or takes longer than {@code limit}. */
    public void awaitReady(Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the runner exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the runner was not ready within " + limit);
    }

    public long pid() {
        return process.pid();
    }

    /** Ends the runner as {@code kill -9} does: no shutdown hooks, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
