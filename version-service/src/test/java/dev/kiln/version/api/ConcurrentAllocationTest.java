package dev.kiln.version.api;

import static dev.kiln.version.support.Api.BUILDER;
import static dev.kiln.version.support.Api.RELEASER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.testing.KilnServicesResource;
import dev.kiln.version.support.ScriptsRemote;
import dev.kiln.version.support.ScriptsRepoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Many callers at once: every one gets its own version, every tag reaches the remote, nobody gets an error. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class ConcurrentAllocationTest {

    private static final int EACH = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/versions")
    URL versions;

    @ConfigProperty(name = "kiln.version.scripts-repo-url")
    String remoteUrl;

    @Test
    void hundredConcurrentAllocationsGetHundredDistinctVersions() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(40)) {
            for (int i = 0; i < EACH; i++) {
                calls.add(post(http, callers, BUILDER, "burst-dev-" + i,
                        "{\"kind\":\"dev\",\"branch\":\"feature/faster-boot\",\"suffix\":\"burst-" + i + "\"}"));
                calls.add(post(http, callers, RELEASER, "burst-patch-" + i, "{\"kind\":\"patch\",\"from\":\"stable-4564.2.3\"}"));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        }

        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
        List<JsonNode> bodies = responses.stream().map(r -> read(r.body())).toList();
        List<String> tags = bodies.stream().map(b -> b.get("tag").asText()).toList();
        List<String> versionsGiven = bodies.stream().map(b -> b.get("version").asText()).toList();
        assertThat(tags).hasSize(2 * EACH).doesNotHaveDuplicates();
        assertThat(versionsGiven).doesNotHaveDuplicates();
        assertThat(tags).filteredOn(t -> t.startsWith("stable-4564.2."))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(4, 3 + EACH).mapToObj(p -> "stable-4564.2." + p).toList());
        ScriptsRemote remote = ScriptsRemote.at(Path.of(URI.create(remoteUrl)));
        assertThat(remote.tags()).containsAll(tags);
        assertThat(remote.subjects("flatcar-4564", EACH + 1)).filteredOn(s -> s.startsWith("New version: stable-4564.2."))
                .hasSize(EACH + 1);
    }

    private CompletableFuture<HttpResponse<String>> post(HttpClient http, ExecutorService callers, String token, String key, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(versions.toString())).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, callers);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }
}
