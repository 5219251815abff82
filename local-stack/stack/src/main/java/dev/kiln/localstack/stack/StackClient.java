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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Talks to a running local stack: its URLs from {@code stack.env}, its admin token from {@code admin.token}. */
public final class StackClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> state;
    private final String token;

    private StackClient(Map<String, String> state, String token) {
        this.state = state;
        this.token = token;
    }

    public static StackClient of(Path dataDir) {
        try {
            Map<String, String> state = new HashMap<>();
            for (String line : Files.readAllLines(dataDir.resolve("stack.env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    state.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
                }
            }
            return new StackClient(state, Files.readString(dataDir.resolve("admin.token")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no running stack in " + dataDir + " (./kiln-local up --detach)", e);
        }
    }

    public String url(Component service) {
        return state.get(service.urlVariable());
    }

    public JsonNode get(String url) {
        return parse(send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json"), 200));
    }

    public String getText(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)), 200);
    }

    public JsonNode post(String url, Object body) {
        try {
            return parse(send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), 201));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " -> "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
