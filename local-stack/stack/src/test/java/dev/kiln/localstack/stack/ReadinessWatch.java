package dev.kiln.localstack.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Asks every service's {@code /q/health/ready} once a second, on a thread of its own, for as long as a fault lasts,
 * and keeps every answer that was not {@code 200} (what a Kubernetes readiness probe would have seen).
 */
final class ReadinessWatch implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> services;
    private final List<String> notReady = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> probes = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private ReadinessWatch(Map<String, String> services) {
        this.services = services;
        this.thread = Thread.ofPlatform().name("readiness-watch").daemon().start(this::watch);
    }

    /** Starts watching {@code services} (name to base URL). */
    static ReadinessWatch of(Map<String, String> services) {
        return new ReadinessWatch(services);
    }

    /** Every answer other than 200, as {@code service: status body} (or the error for no answer). */
    List<String> notReady() {
        return List.copyOf(notReady);
    }

    int probes() {
        return probes.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void watch() {
        while (running) {
            services.forEach((name, url) -> {
                probes.merge(name, 1, Integer::sum);
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        notReady.add(name + ": " + response.statusCode() + " " + response.body().replaceAll("\\s+", " "));
                    }
                } catch (java.io.IOException e) {
                    notReady.add(name + ": no answer (" + e + ")");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            });
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(30));
    }
}
