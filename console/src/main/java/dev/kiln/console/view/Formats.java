package dev.kiln.console.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times, durations and sizes read on the pages. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }

    /** {@code 1h 02m 03s}, {@code 4m 05s}, {@code 12s}. */
    public static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + "s";
    }

    /** Bytes in binary units with one decimal: {@code 469.0 MiB}; {@code -} when unknown. */
    public static String size(Long bytes) {
        if (bytes == null) {
            return "-";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** An ISO-8601 duration from an API ({@code PT336H}) as a reader says it: {@code 14d 0h}. */
    public static String isoDuration(String iso) {
        if (iso == null) {
            return "-";
        }
        try {
            Duration d = Duration.parse(iso);
            return d.toDays() > 0 ? d.toDays() + "d " + d.toHoursPart() + "h" : duration(d);
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }
}
