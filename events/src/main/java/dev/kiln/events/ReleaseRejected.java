package dev.kiln.events;

import java.time.Instant;

/** A gate of a release failed before it was published; the release is final and is never published. */
public record ReleaseRejected(
        String version,
        String channel,
        String reason,
        String rejectedBy,
        Instant rejectedAt) implements KilnEvent {

    @Override
    public EventType<ReleaseRejected> eventType() {
        return EventCatalog.RELEASE_REJECTED;
    }

    @Override
    public String key() {
        return version;
    }
}
