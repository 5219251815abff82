package dev.kiln.localstack.stack;

import dev.kiln.localstack.infra.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One Kiln service started from its packaged quarkus-app, ready once {@code /q/health/ready} says UP. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Component service;
    private final int port;
    private final ManagedProcess process;

    private ServiceProcess(Component service, int port, ManagedProcess process) {
        this.service = service;
        this.port = port;
        this.process = process;
    }

    static ServiceProcess start(Component service, Path jar, int port, Path workDir, Path logFile,
            Map<String, String> env) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package -DskipTests)");
        }
        List<String> command = List.of(javaBinary(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", jar.toString());
        return new ServiceProcess(service, port, ManagedProcess.start(service.id(), command, workDir, logFile, env,
                "TERM"));
    }

    void awaitReady(Duration timeout) {
        process.await("/q/health/ready", timeout, this::ready);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Component service() {
        return service;
    }

    ManagedProcess process() {
        return process;
    }

    void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
