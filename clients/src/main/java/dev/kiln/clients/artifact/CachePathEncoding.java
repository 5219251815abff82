package dev.kiln.clients.artifact;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a cache path for a URL: '/' stays a separator and the characters artifact-service allows in a
 * path segment (letters, digits, {@code . - _ + ~ @ , : =}, so Flatcar's '+' too) stay as they are; every other
 * byte of its UTF-8 form is percent-encoded, which artifact-service decodes (or refuses, saying why).
 */
final class CachePathEncoding {

    private static final String SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/+@:,=";

    private CachePathEncoding() {
    }

    static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && SAFE.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
