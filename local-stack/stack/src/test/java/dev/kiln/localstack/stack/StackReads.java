package dev.kiln.localstack.stack;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/** What anyone may read from a running stack: release-service's public API and artifact-service's cache, and waiting on them. */
final class StackReads {

    /** Long enough for a build, tests and a publication on a loaded two-core machine. */
    private static final Duration AT_MOST = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ReleaseApi api;
    private final String cacheUrl;

    StackReads(ReleaseApi api, String artifactServiceUrl) {
        this.api = api;
        this.cacheUrl = artifactServiceUrl + "/cache/";
    }

    /** A release-service read that must answer 200. */
    JsonNode json(String path) {
        ReleaseApi.Answer answer = api.read(path);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " -> " + answer.problem());
        }
        return answer.body();
    }

    JsonNode promotion(String id) {
        return json("/api/v1/promotions/" + id);
    }

    JsonNode release(String version) {
        return json("/api/v1/releases/" + version);
    }

    /** Polls {@code path} until its answer satisfies {@code done}; {@code what} names it in the failure. */
    JsonNode awaitJson(String path, String what, Predicate<JsonNode> done) {
        AtomicReference<ReleaseApi.Answer> last = new AtomicReference<>();
        try {
            await().atMost(AT_MOST).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(api.read(path));
                return last.get().status() == 200 && done.test(last.get().body());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("waited " + AT_MOST.toMinutes() + " min for " + what + "; GET " + path + " answered last "
                    + (last.get() == null ? "nothing" : last.get().status() + " " + last.get().body()), e);
        }
        return last.get().body();
    }

    /** Waits until release request {@code id} is in {@code state}; fails at once when it finished in another one. */
    JsonNode awaitPromotion(String id, String state) {
        JsonNode promotion = awaitJson("/api/v1/promotions/" + id, "release request " + id + " to be " + state,
                p -> p.path("state").asText().equals(state) || finished(p.path("state").asText()));
        if (!promotion.path("state").asText().equals(state)) {
            throw new AssertionError("release request " + id + " ended " + promotion.path("state").asText() + " instead of being "
                    + state + ": " + promotion);
        }
        return promotion;
    }

    private static boolean finished(String state) {
        return state.equals("published") || state.equals("failed") || state.equals("cancelled");
    }

    /** {@code GET /cache/<path>}, whatever it answers. */
    HttpResponse<String> cache(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(cacheUrl + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A cache file that must be there. */
    String cacheText(String path) {
        HttpResponse<String> response = cache(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /cache/" + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Waits until the cache file at {@code path} contains {@code text}. */
    void awaitCacheText(String path, String text) {
        awaitCache(path, "contain " + text.strip(), body -> body.contains(text));
    }

    /** Waits until the cache file at {@code path} is there and its body satisfies {@code done}; returns the body. */
    String awaitCache(String path, String what, Predicate<String> done) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(cache(path));
                return last.get().statusCode() == 200 && done.test(last.get().body());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("waited 1 min for /cache/" + path + " to " + what + "; it answered last "
                    + (last.get() == null ? "nothing" : last.get().statusCode() + " " + last.get().body()), e);
        }
        return last.get().body();
    }
}
