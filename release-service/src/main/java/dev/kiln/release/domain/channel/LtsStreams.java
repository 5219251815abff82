package dev.kiln.release.domain.channel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Flatcar's LTS streams: each LTS major is a stream named by a year ({@code current-2024} pointers,
 * {@code lts-info} lines {@code major:year:supported|unsupported}). The year of a major is the year (UTC) its first
 * LTS release was published, kept once known; the two newest streams are supported, as Flatcar supports an old LTS
 * until the next-but-one comes out (its release GC keeps the two newest LTS majors).
 */
public final class LtsStreams {

    public static final int SUPPORTED_STREAMS = 2;

    private LtsStreams() {
    }

    /** {@code current-2024}. */
    public static String pointerName(int year) {
        return "current-" + year;
    }

    /**
     * The year of {@code major}: the known one, or the year of {@code publishedAt} for a major's first LTS release.
     * Stream names are unique: a second new stream in one calendar year takes the year after the newest one.
     */
    public static int yearOf(int major, Map<Integer, Integer> known, Instant publishedAt) {
        Integer year = known.get(major);
        if (year != null) {
            return year;
        }
        int calendar = publishedAt.atZone(ZoneOffset.UTC).getYear();
        return known.containsValue(calendar) ? Math.max(calendar, java.util.Collections.max(known.values())) + 1 : calendar;
    }

    /** The lts-info file: one {@code major:year:supported|unsupported} line per stream, oldest first. */
    public static String info(Map<Integer, Integer> yearByMajor) {
        TreeMap<Integer, Integer> streams = new TreeMap<>(yearByMajor);
        if (streams.isEmpty()) {
            return "";
        }
        int supportedFrom = streams.size() - SUPPORTED_STREAMS;
        int[] index = {0};
        return streams.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + ":"
                + (index[0]++ >= supportedFrom ? "supported" : "unsupported")).collect(Collectors.joining("\n", "", "\n"));
    }
}
