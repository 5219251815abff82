package dev.kiln.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;

/** Runs a call to a service and turns every failure into a {@link BackendException} carrying the service's words. */
public final class Backend {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Backend() {
    }

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw refused(service, e);
        } catch (BackendException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BackendException(service, 0, null, rootMessage(e), e);
        }
    }

    /** The call's answer, or empty when the service answers 404 (it has no such thing or no such endpoint). */
    public static <T> Optional<T> find(String service, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(service, call));
        } catch (BackendException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static BackendException refused(String service, WebApplicationException e) {
        Response response = e.getResponse();
        String body = "";
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException ignored) {
            // the status decides; the body only explains
        }
        String problem = null;
        String detail = null;
        if (body.startsWith("{")) {
            try {
                JsonNode json = JSON.readTree(body);
                String type = json.path("type").asText("");
                problem = type.isEmpty() ? null : type.substring(type.lastIndexOf('/') + 1);
                detail = json.hasNonNull("detail") ? json.get("detail").asText() : json.path("title").asText(null);
            } catch (java.io.IOException notJson) {
                detail = body;
            }
        }
        return new BackendException(service, response.getStatus(), problem, detail, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
