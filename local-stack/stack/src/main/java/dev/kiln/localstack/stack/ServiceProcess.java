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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Kiln service started from its packaged quarkus-app, ready once {@code /q/health/ready} says UP. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Component service;
    private final int port;
    private final ManagedProcess process;
    private final AotCache aotCache;

    private ServiceProcess(Component service, int port, ManagedProcess process, AotCache aotCache) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.aotCache = aotCache;
    }

    static ServiceProcess start(Component service, Path jar, int port, Path workDir, Path logFile,
            Map<String, String> env) {
        return start(service, jar, port, workDir, logFile, env, AotCache.of(jar));
    }

    /** Starts the service with the JDK AOT cache next to its jar (used, trained or left out: {@link AotCache}). */
    static ServiceProcess start(Component service, Path jar, int port, Path workDir, Path logFile,
            Map<String, String> env, AotCache aotCache) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package -DskipTests)");
        }
        // as in the images (k8s/images/Dockerfile.jvm): a target that is no URI gets the front door's problem+json
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dvertx.disableURIValidation=true"));
        command.addAll(aotCache.jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        return new ServiceProcess(service, port, ManagedProcess.start(service.id(), command, workDir, logFile, env,
                "TERM"), aotCache);
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

    /** SIGTERM; a training run gets longer to exit, because the JVM writes the AOT cache on the way out. */
    void stop() {
        boolean training = aotCache.trains();
        process.stop(Duration.ofSeconds(training ? 300 : 20));
        if (training) {
            aotCache.publishTraining();
        }
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
