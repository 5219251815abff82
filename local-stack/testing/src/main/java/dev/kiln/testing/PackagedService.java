package dev.kiln.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Quarkus service as deployed: the module's packaged {@code target/quarkus-app/quarkus-run.jar} in a JVM of its
 * own, configured through system properties, its output appended to a log file that outlives it. {@link #kill()}
 * ends it as {@code kill -9} does; {@link #close()} asks it to stop (SIGTERM) and kills it after a grace.
 */
public final class PackagedService implements AutoCloseable {

    /** Where {@code ./mvnw package} leaves the service's runnable jar, relative to the module (the tests' directory). */
    public static final Path QUARKUS_RUN_JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private PackagedService(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts describing a launch of the service called {@code name} (for messages) from {@link #QUARKUS_RUN_JAR}. */
    public static Launch launch(String name) {
        return new Launch(name);
    }

    /** Waits until {@code /q/health/ready} answers 200; fails at once if the service exits, or after {@code limit}. */
    public PackagedService awaitReady(Duration limit) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .failFast(name + " exited before it was ready (log: " + log + ")", () -> !process.isAlive())
                    .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " was not ready within " + limit + " (log: " + log + ")", e);
        }
        return this;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Ends the service as {@code kill -9} does (no shutdown hooks, no graceful stop) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Asks the service to stop (SIGTERM); kills it if it is still running after a grace of 30 seconds. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** What to start: JVM options, environment, system properties and the log file. */
    public static final class Launch {

        private final String name;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private Path jar = QUARKUS_RUN_JAR;
        private Path log;

        private Launch(String name) {
            this.name = name;
        }

        /** Another jar than this module's {@link #QUARKUS_RUN_JAR}. */
        public Launch jar(Path jar) {
            this.jar = jar;
            return this;
        }

        /** JVM options such as {@code -Xmx256m}, before the system properties. */
        public Launch jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        public Launch jvmOptions(String... options) {
            return jvmOptions(List.of(options));
        }

        /** A variable set in the service's environment on top of this JVM's. */
        public Launch environment(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        /** Configuration, passed as {@code -Dkey=value}. */
        public Launch systemProperties(Map<String, String> properties) {
            systemProperties.putAll(properties);
            return this;
        }

        /** The file the service's stdout and stderr are appended to. */
        public Launch log(Path file) {
            this.log = file;
            return this;
        }

        /** Starts the JVM with {@code quarkus.http.port} set to {@code port}; does not wait for it to be ready. */
        public PackagedService start(int port) throws IOException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run through `./mvnw verify` so"
                        + " that the package phase builds it first");
            }
            if (log == null) {
                throw new IllegalStateException("no log file given for " + name);
            }
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command(port)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new PackagedService(name, port, log, builder.start());
        }

        private List<String> command(int port) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-Dvertx.disableURIValidation=true"); // as every service runs (k8s/images/Dockerfile.jvm)
            command.add("-Dquarkus.http.port=" + port);
            systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", jar.toString()));
            return command;
        }
    }
}
