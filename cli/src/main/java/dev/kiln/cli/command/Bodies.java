package dev.kiln.cli.command;

import java.util.Map;

/** Request bodies leave out what the user did not give, so the service's defaults apply. */
final class Bodies {

    private Bodies() {
    }

    static void putIfSet(Map<String, Object> body, String field, Object value) {
        if (value != null && !(value instanceof java.util.Collection<?> list && list.isEmpty())) {
            body.put(field, value);
        }
    }
}
