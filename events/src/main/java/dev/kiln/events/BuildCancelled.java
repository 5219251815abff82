package dev.kiln.events;

import java.time.Instant;

/** A build was cancelled; its running steps were stopped. */
public record BuildCancelled(
        String buildId,
        String pipeline,
        String tag,
        String version,
        String reason,
        String cancelledBy,
        Instant finishedAt) implements KilnEvent {

    @Override
    public EventType<BuildCancelled> eventType() {
        return EventCatalog.BUILD_CANCELLED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
