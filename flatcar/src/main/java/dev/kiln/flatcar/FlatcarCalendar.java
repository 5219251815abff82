package dev.kiln.flatcar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Flatcar's calendar: a major is the number of whole days since the epoch (2013-07-01, COREOS_EPOCH),
 * counted in UTC; a nightly's build id is {@code nightly-YYYYMMDD-HHMM} of the moment it is tagged.
 */
public final class FlatcarCalendar {

    public static final LocalDate FLATCAR_EPOCH = LocalDate.of(2013, 7, 1);
    private static final DateTimeFormatter NIGHTLY = DateTimeFormatter.ofPattern("'nightly-'yyyyMMdd'-'HHmm").withZone(ZoneOffset.UTC);

    private final LocalDate epoch;

    public FlatcarCalendar(LocalDate epoch) {
        this.epoch = epoch;
    }

    /** The major of a new version made at {@code now}. */
    public int majorAt(Instant now) {
        long days = ChronoUnit.DAYS.between(epoch, LocalDate.ofInstant(now, ZoneOffset.UTC));
        if (days < 0) {
            throw new IllegalStateException("the clock (" + now + ") is before the version epoch " + epoch);
        }
        return Math.toIntExact(days);
    }

    /** The build id of a nightly tagged at {@code now}, to the minute. */
    public String nightlyBuildId(Instant now) {
        return NIGHTLY.format(now);
    }

    /** Whether a build id is a nightly's (nightly-YYYYMMDD-HHMM, optionally followed by more, e.g. -INTERMEDIATE). */
    public static boolean isNightly(String buildId) {
        return buildId != null && buildId.matches("nightly-\\d{8}-\\d{4}(-.+)?");
    }
}
