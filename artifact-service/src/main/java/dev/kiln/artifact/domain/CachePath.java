package dev.kiln.artifact.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A key of the build cache: relative, {@code /}-separated, every segment made of safe characters. A
 * directory ends with {@code /}; the empty path is the root directory.
 */
public record CachePath(String value) {

    /** S3's limit on a key, in UTF-8 bytes (every allowed character is one byte). */
    public static final int MAX_LENGTH = 1024;
    /** The usual file-system limit on one name. */
    public static final int MAX_SEGMENT_LENGTH = 255;

    public static final CachePath ROOT = new CachePath("");

    public CachePath {
        validate(value);
    }

    /** Parses a file or directory path; throws {@link InvalidPathException} saying which rule it breaks. */
    public static CachePath parse(String raw) {
        return new CachePath(raw);
    }

    /** Parses the path of a file: not empty and not ending with {@code /}. */
    public static CachePath file(String raw) {
        CachePath path = parse(raw);
        if (path.isDirectory()) {
            throw new InvalidPathException("'" + raw + "' names a directory; a file path must not end with '/'");
        }
        return path;
    }

    public boolean isDirectory() {
        return value.isEmpty() || value.endsWith("/");
    }

    public boolean isRoot() {
        return value.isEmpty();
    }

    /** The segments, without the empty one after a directory's trailing slash. */
    public List<String> segments() {
        if (value.isEmpty()) {
            return List.of();
        }
        String trimmed = isDirectory() ? value.substring(0, value.length() - 1) : value;
        return Arrays.asList(trimmed.split("/"));
    }

    /** The last segment: a file's name, or a directory's name without its slash. */
    public String name() {
        List<String> segments = segments();
        return segments.isEmpty() ? "" : segments.getLast();
    }

    /** This path as a directory: itself when it is one, else with a trailing slash. */
    public CachePath asDirectory() {
        return isDirectory() ? this : new CachePath(value + "/");
    }

    /** The file {@code name} beside this file, in the same directory. */
    public CachePath sibling(String name) {
        int slash = value.lastIndexOf('/');
        return new CachePath(value.substring(0, slash + 1) + name);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void validate(String raw) {
        if (raw == null) {
            throw new InvalidPathException("path is missing");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new InvalidPathException("path is longer than " + MAX_LENGTH + " bytes");
        }
        if (raw.startsWith("/")) {
            throw new InvalidPathException("path must be relative, not start with '/'");
        }
        for (int i = 0; i < raw.length(); i++) {
            checkCharacter(raw.charAt(i), i);
        }
        String body = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        if (raw.isEmpty()) {
            return;
        }
        for (String segment : body.split("/", -1)) {
            checkSegment(segment);
        }
    }

    private static void checkCharacter(char c, int index) {
        if (c == '\\') {
            throw new InvalidPathException("path must not contain a backslash (at " + index + ")");
        }
        if (c < 0x20 || c == 0x7f) {
            throw new InvalidPathException("path must not contain control characters (at " + index + ")");
        }
        if (c != '/' && !isSafe(c)) {
            throw new InvalidPathException("path must not contain '" + c + "' (at " + index
                    + "); allowed are letters, digits and . _ - + ~ @ , : =");
        }
    }

    private static void checkSegment(String segment) {
        if (segment.isEmpty()) {
            throw new InvalidPathException("path must not contain empty segments ('//')");
        }
        if (segment.chars().allMatch(c -> c == '.')) {
            throw new InvalidPathException("path must not contain '" + segment + "' segments");
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            throw new InvalidPathException("path segment is longer than " + MAX_SEGMENT_LENGTH + " characters");
        }
    }

    private static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || ".-_+~@,:=".indexOf(c) >= 0;
    }
}
