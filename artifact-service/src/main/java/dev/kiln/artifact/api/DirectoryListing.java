package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.ListingEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A directory of the cache rendered as a web server's index: HTML whose links are {@code ./name/} (what
 * Flatcar's {@code garbage_collect_github_ci_sdk.sh} parses) and JSON in nginx's {@code autoindex_format json}
 * shape, {@code [{"name","type":"file|directory","mtime","size"}]} (what {@code download_payloads} reads
 * with {@code jq '.[].name'}). Directories come first, then files, each by name.
 */
public final class DirectoryListing {

    private static final Instant UNKNOWN = Instant.EPOCH;
    private static final DateTimeFormatter HTML_DATE =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm", Locale.US).withZone(ZoneOffset.UTC);
    private static final int NAME_COLUMN = 51;

    private final String title;
    private final boolean root;
    private final List<ListingEntry> entries;

    /** {@code title} is the directory's URL path, e.g. {@code /cache/images/amd64/}. */
    public DirectoryListing(String title, boolean root, List<ListingEntry> entries) {
        this.title = title;
        this.root = root;
        this.entries = entries.stream()
                .sorted(Comparator.comparing((ListingEntry e) -> !e.directory()).thenComparing(ListingEntry::name))
                .toList();
    }

    public List<ListingEntry> entries() {
        return entries;
    }

    public String html() {
        StringBuilder out = new StringBuilder(256 + entries.size() * 128);
        String escapedTitle = escapeHtml(title);
        out.append("<html>\n<head><title>Index of ").append(escapedTitle).append("</title></head>\n<body>\n")
                .append("<h1>Index of ").append(escapedTitle).append("</h1><hr><pre>");
        if (!root) {
            out.append("<a href=\"../\">../</a>\n");
        }
        for (ListingEntry e : entries) {
            String shown = e.directory() ? e.name() + "/" : e.name();
            out.append("<a href=\"./").append(escapeHtml(encodeSegment(e.name()))).append(e.directory() ? "/" : "")
                    .append("\">").append(escapeHtml(shown)).append("</a>")
                    .append(" ".repeat(Math.max(1, NAME_COLUMN - shown.length())))
                    .append(HTML_DATE.format(modified(e)))
                    .append(String.format(Locale.ROOT, "%20s", e.directory() ? "-" : Long.toString(e.size())))
                    .append('\n');
        }
        out.append("</pre><hr></body>\n</html>\n");
        return out.toString();
    }

    public String json() {
        StringBuilder out = new StringBuilder(4 + entries.size() * 96).append("[\n");
        for (int i = 0; i < entries.size(); i++) {
            ListingEntry e = entries.get(i);
            out.append("{ \"name\":\"").append(escapeJson(e.name())).append("\", \"type\":\"")
                    .append(e.directory() ? "directory" : "file").append("\", \"mtime\":\"")
                    .append(HttpDates.format(modified(e))).append('"');
            if (!e.directory()) {
                out.append(", \"size\":").append(e.size());
            }
            out.append(" }").append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }

    private static Instant modified(ListingEntry e) {
        return e.modified() == null ? UNKNOWN : e.modified();
    }

    /** Percent-encodes every byte outside the characters a cache path may hold. */
    static String encodeSegment(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ".-_+~@,:=".indexOf(c) >= 0;
            if (safe) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String escapeJson(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
