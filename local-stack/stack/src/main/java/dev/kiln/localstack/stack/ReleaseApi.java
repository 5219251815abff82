package dev.kiln.localstack.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * release-service's API as the local stack's demo identities use it, each with its own token from
 * {@code <data dir>/tokens/<identity>.token}: reads are public, every change is made as a named person.
 */
final class ReleaseApi {

    /** An answer: its status and its JSON body (a problem+json document on 4xx). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** {@code 409 already-decided: ...}, for messages. */
        String problem() {
            return status + " " + body.path("type").asText("").replaceAll(".*/", "") + ": " + body.path("detail").asText(body.toString());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Path dataDir;

    ReleaseApi(String baseUrl, Path dataDir) {
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
    }

    /** A public read; empty on 404. */
    Optional<JsonNode> get(String path) {
        Answer answer = read(path);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw new IllegalStateException("GET " + path + " -> " + answer.problem());
        }
        return Optional.of(answer.body());
    }

    /** A public read, whatever it answers. */
    Answer read(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** POSTs {@code body} as {@code identity}; {@code idempotencyKey} may be null. */
    Answer post(String identity, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(identity)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private String token(String identity) {
        try {
            return Files.readString(DemoRelease.tokenFile(dataDir, identity)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no token for " + identity + " (./kiln-local up writes them)", e);
        }
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? JSON.createObjectNode() : parse(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("detail", body);
        }
    }
}
