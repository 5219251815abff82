package dev.kiln.events;

import java.time.Instant;
import java.util.List;

/** Every gate of a release holds: it may be published in its channel. */
public record ReleaseReady(
        String version,
        String channel,
        List<String> arches,
        String reason,
        Instant readyAt) implements KilnEvent {

    @Override
    public EventType<ReleaseReady> eventType() {
        return EventCatalog.RELEASE_READY;
    }

    @Override
    public String key() {
        return version;
    }
}
