package dev.kiln.events;

import java.time.Instant;

/**
 * A downstream test system reports one suite's result for one version, architecture and vendor image.
 * {@code attempt} numbers the runs of one suite on one target from 1; null lets release-service number it as the
 * next attempt (added in v1 without a new type: readers ignore fields they do not know).
 */
public record TestReported(
        String reportId,
        String version,
        String suite,
        String arch,
        String vendor,
        String result,
        String reportedBy,
        String detailsUrl,
        Instant reportedAt,
        Integer attempt) implements KilnEvent {

    /** The report as first published, without an attempt number; kept so that existing producers still compile. */
    public TestReported(String reportId, String version, String suite, String arch, String vendor, String result,
            String reportedBy, String detailsUrl, Instant reportedAt) {
        this(reportId, version, suite, arch, vendor, result, reportedBy, detailsUrl, reportedAt, null);
    }

    @Override
    public EventType<TestReported> eventType() {
        return EventCatalog.TEST_REPORTED;
    }

    @Override
    public String key() {
        return version;
    }
}
