package dev.kiln.cli.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds path segments and query strings, encoded, leaving out parameters the user did not give. */
public final class Query {

    private final StringBuilder query = new StringBuilder();

    public static Query of() {
        return new Query();
    }

    public Query add(String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(encode(value.toString()));
        }
        return this;
    }

    /** One path segment: a tag or an id may not smuggle a slash or a query into the URL. */
    public static String segment(String value) {
        return encode(value);
    }

    private static String encode(String value) {
        // URLEncoder encodes for forms: a space becomes '+', which in a path or query would read back as '+'
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return query.toString();
    }
}
