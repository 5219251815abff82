package dev.kiln.common.problem;

import java.util.Locale;

/** The stable problem type of a status the framework answers on its own (no domain slug to say more). */
public final class FrameworkProblems {

    public static final String BODY_TOO_LARGE = "body-too-large";
    public static final String URI_TOO_LONG = "uri-too-long";
    public static final String HEADERS_TOO_LARGE = "headers-too-large";
    public static final String INVALID_URI = "invalid-uri";

    private FrameworkProblems() {
    }

    public static String slug(int status) {
        return switch (status) {
            case 413 -> BODY_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 431 -> HEADERS_TOO_LARGE;
            default -> title(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        };
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> {
                jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
                yield known == null ? "HTTP " + status : known.getReasonPhrase();
            }
        };
    }
}
