package dev.kiln.artifact.domain;

import java.util.Locale;

/** The content type stored with an upload: the client's, unless it gave none or only a form default. */
public final class ContentTypes {

    public static final String OCTET_STREAM = "application/octet-stream";
    private static final String TEXT = "text/plain; charset=utf-8";

    private ContentTypes() {
    }

    public static String resolve(String declared, CachePath path) {
        if (declared != null && !declared.isBlank()
                && !declared.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return declared.trim();
        }
        return guess(path.name());
    }

    static String guess(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".digests") || lower.endsWith(".txt") || lower.endsWith(".asc") || lower.endsWith(".log")
                || lower.endsWith(".md") || lower.endsWith(".tap") || lower.endsWith(".id")) {
            return TEXT;
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        if (lower.endsWith(".sig") || lower.endsWith(".gpg")) {
            return "application/pgp-signature";
        }
        return OCTET_STREAM;
    }
}
