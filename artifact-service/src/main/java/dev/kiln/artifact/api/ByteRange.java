package dev.kiln.artifact.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} header (RFC 9110 14.1-14.4) selects from an object of a given size: the whole
 * object (no header, another unit, bad syntax, or several ranges, which this server may ignore), one
 * satisfiable byte range (206), or nothing (416).
 */
public sealed interface ByteRange {

    /** Serve the whole object with 200. */
    record Whole() implements ByteRange {
    }

    /** Serve bytes {@code first..last} (inclusive) of an object of {@code size} bytes with 206. */
    record Partial(long first, long last, long size) implements ByteRange {

        public long length() {
            return last - first + 1;
        }

        /** The {@code Content-Range} header value. */
        public String contentRange() {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** No byte of the object is selected: 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable(long size) implements ByteRange {

        public String contentRange() {
            return "bytes */" + size;
        }
    }

    Pattern SPEC = Pattern.compile("^\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$");

    /** Evaluates {@code header} (may be null) against an object of {@code size} bytes. */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        int eq = header.indexOf('=');
        if (eq < 0 || !header.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole();
        }
        String specs = header.substring(eq + 1);
        if (specs.contains(",")) {
            return new Whole();
        }
        Matcher m = SPEC.matcher(specs);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        try {
            return m.group(1).isEmpty() ? suffix(Long.parseLong(m.group(2)), size)
                    : fromFirst(Long.parseLong(m.group(1)), m.group(2).isEmpty() ? null : Long.parseLong(m.group(2)),
                            size);
        } catch (NumberFormatException tooLarge) {
            return new Whole();
        }
    }

    private static ByteRange suffix(long length, long size) {
        if (length == 0) {
            return new Unsatisfiable(size);
        }
        if (size == 0) {
            return new Whole();
        }
        return new Partial(Math.max(0, size - length), size - 1, size);
    }

    private static ByteRange fromFirst(long first, Long last, long size) {
        if (last != null && last < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable(size);
        }
        long end = last == null ? size - 1 : Math.min(last, size - 1);
        return new Partial(first, end, size);
    }
}
