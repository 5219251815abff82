package dev.kiln.events;

import java.time.Instant;

/**
 * A channel's {@code current} on one architecture was pointed back from {@code fromVersion} (null when nothing was
 * current) to {@code toVersion}, the previous published, not withdrawn release.
 */
public record ReleaseRolledBack(
        String channel,
        String arch,
        String fromVersion,
        String toVersion,
        String reason,
        String rolledBackBy,
        Instant rolledBackAt) implements KilnEvent {

    @Override
    public EventType<ReleaseRolledBack> eventType() {
        return EventCatalog.RELEASE_ROLLED_BACK;
    }

    /** The release now current, so that its events stay in order. */
    @Override
    public String key() {
        return toVersion;
    }
}
