package dev.kiln.artifact.bench;

import dev.kiln.localstack.infra.FreePorts;
import dev.kiln.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) in a JVM of its own, configured only through
 * the environment variables the local stack sets, so that its heap can be watched apart from the load generator.
 */
final class ServiceProcess implements AutoCloseable {

    static final String TOKEN = "bench-admin-token";

    private final Process process;
    private final URI base;

    private ServiceProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static ServiceProcess start(String bucket, List<String> jvmOptions) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the bench profile runs after package");
        }
        Path tokenFile = Files.writeString(Files.createTempFile(Path.of("target"), "bench-admin", ".token"), TOKEN);
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "bench-service.log").toFile());
        builder.environment().putAll(Map.ofEntries(
                Map.entry("KILN_HTTP_PORT", Integer.toString(port)),
                Map.entry("KILN_DB_URL", TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE)),
                Map.entry("KILN_DB_USER", "postgres"),
                Map.entry("KILN_DB_PASSWORD", "postgres"),
                Map.entry("KILN_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers()),
                Map.entry("KILN_S3_ENDPOINT", TestInfrastructure.s3().endpoint()),
                Map.entry("KILN_S3_ACCESS_KEY", TestInfrastructure.S3_ACCESS_KEY),
                Map.entry("KILN_S3_SECRET_KEY", TestInfrastructure.S3_SECRET_KEY),
                Map.entry("KILN_S3_BUCKET", bucket),
                Map.entry("KILN_ADMIN_TOKEN_FILE", tokenFile.toString()),
                Map.entry("KILN_VERSION_SERVICE_URL", "http://127.0.0.1:9"),
                Map.entry("KILN_SERVICE_TOKEN", "unused"),
                Map.entry("KILN_GC_SCHEDULE", "off")));
        builder.environment().putAll(extraEnvironment());
        ServiceProcess service = new ServiceProcess(builder.start(), URI.create("http://127.0.0.1:" + port + "/"));
        try {
            // minutes, not seconds: on a 2-core machine shared with other builds the service's start-up alone took 3+
            service.awaitReady(Duration.ofMinutes(Long.getLong("bench.service.ready.minutes", 10)));
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** {@code -Dbench.service.env=K=V,K=V}: settings to try, e.g. KILN_DOWNLOAD_PRESIGNED_REDIRECT=true. */
    private static Map<String, String> extraEnvironment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String pair : System.getProperty("bench.service.env", "").split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return env;
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue()
                        + "; see target/bench-service.log");
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(base.resolve("q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not become ready in " + timeout);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
