package dev.kiln.runner.client;

import dev.kiln.runner.domain.port.PortException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Turns client errors into {@link PortException}s: 4xx other than 408 and 429 are permanent. */
final class Failures {

    private Failures() {
    }

    static PortException of(String what, RuntimeException e) {
        if (e instanceof PortException port) {
            return port;
        }
        if (e instanceof WebApplicationException web) {
            return status(what, web.getResponse(), e);
        }
        return new PortException(what + " failed: " + message(e), false, e);
    }

    static PortException status(String what, Response response, RuntimeException cause) {
        int status = response.getStatus();
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        String body = "";
        try {
            if (response.hasEntity()) {
                body = ": " + abbreviate(response.readEntity(String.class));
            }
        } catch (RuntimeException ignored) {
            // the status is what matters; the body is a courtesy
        }
        return new PortException(what + " answered HTTP " + status + body, permanent, cause);
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
