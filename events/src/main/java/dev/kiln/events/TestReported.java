package dev.kiln.events;

import java.time.Instant;

/** A downstream test system reports one suite's result for one version, architecture and vendor image. */
public record TestReported(
        String reportId,
        String version,
        String suite,
        String arch,
        String vendor,
        String result,
        String reportedBy,
        String detailsUrl,
        Instant reportedAt) implements KilnEvent {

    @Override
    public EventType<TestReported> eventType() {
        return EventCatalog.TEST_REPORTED;
    }

    @Override
    public String key() {
        return version;
    }
}
