package dev.kiln.events;

import java.time.Instant;
import java.util.Map;

/**
 * A published release was taken back for good: never served again, gone from the feeds, its channel directory
 * answers 410. {@code currentAfter}: per arch it was published on, the version {@code current} points to now (the
 * previous release where it was current; null when nothing servable is left).
 */
public record ReleaseWithdrawn(
        String version,
        String channel,
        Map<String, String> currentAfter,
        String reason,
        String withdrawnBy,
        Instant withdrawnAt) implements KilnEvent {

    @Override
    public EventType<ReleaseWithdrawn> eventType() {
        return EventCatalog.RELEASE_WITHDRAWN;
    }

    @Override
    public String key() {
        return version;
    }
}
