package dev.kiln.console.web;

import dev.kiln.console.client.BackendException;
import java.util.function.Supplier;

/**
 * A part of a page that comes from one call: its value, or why it is not there. A service that lacks the endpoint
 * (not built yet) or is down makes that part say so; the rest of the page still renders.
 */
public record Section<T>(T value, String unavailable) {

    public boolean available() {
        return unavailable == null;
    }

    static <T> Section<T> of(Supplier<T> call) {
        try {
            return new Section<>(call.get(), null);
        } catch (BackendException e) {
            // the services answer an unknown route with a 404 too: for a thing that exists, that is a missing endpoint
            return new Section<>(null, e.notFound()
                    ? "not available: " + e.service() + " does not offer this yet (HTTP " + e.status() + ")"
                    : "not available: " + e.getMessage());
        }
    }
}
