package dev.kiln.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.common.retry.RetryPolicy;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one call to another Kiln service under the shared {@link RetryPolicy}: failures become
 * {@link ServiceCallException}s, and only those that may pass (no answer, 408, 429, 5xx) are retried.
 */
public final class ServiceCalls {

    /** Three calls, 300 ms then 600 ms apart: enough for a restart of the peer's pod to be ridden out by the caller's own retry. */
    public static final int ATTEMPTS = 3;
    public static final Duration FIRST_WAIT = Duration.ofMillis(300);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    private final String service;
    private final RetryPolicy retry;

    public ServiceCalls(String service) {
        this(service, ATTEMPTS, FIRST_WAIT);
    }

    public ServiceCalls(String service, int attempts, Duration firstWait) {
        this.service = service;
        this.retry = RetryPolicy.of(service, attempts, firstWait,
                e -> e instanceof ServiceCallException call && !call.permanent());
    }

    /** {@code what} names the call in messages, e.g. {@code POST /api/v1/versions}. */
    public <T> T call(String what, Supplier<T> call) {
        return retry.call(() -> {
            try {
                return call.get();
            } catch (RuntimeException e) {
                throw failure(what, e);
            }
        });
    }

    /** Like {@link #call}, but a 404 is an answer: empty. */
    public <T> Optional<T> find(String what, Supplier<T> call) {
        try {
            return Optional.of(call(what, call));
        } catch (ServiceCallException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The failure of {@code what} as a {@link ServiceCallException}, with the status and problem type if there was an answer. */
    public ServiceCallException failure(String what, RuntimeException e) {
        if (e instanceof ServiceCallException call) {
            return call;
        }
        if (e instanceof WebApplicationException web && web.getResponse() != null) {
            Response response = web.getResponse();
            String body = body(response);
            int status = response.getStatus();
            return new ServiceCallException(service, service + " " + what + " answered HTTP " + status
                    + (body.isEmpty() ? "" : ": " + abbreviate(body)), status, problemType(body), e);
        }
        return new ServiceCallException(service, service + " " + what + " failed: " + rootMessage(e), 0, null, e);
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException ignored) {
            return ""; // the status decides; the body is a courtesy
        }
    }

    /** The last segment of a problem+json {@code type}: {@code .../problems/version-already-allocated}. */
    static String problemType(String body) {
        if (body == null || !body.startsWith("{")) {
            return null;
        }
        try {
            JsonNode type = JSON.readTree(body).get("type");
            if (type == null || !type.isTextual()) {
                return null;
            }
            String uri = type.asText();
            return uri.substring(uri.lastIndexOf('/') + 1);
        } catch (java.io.IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String abbreviate(String text) {
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }
}
