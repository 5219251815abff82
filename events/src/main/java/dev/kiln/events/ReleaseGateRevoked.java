package dev.kiln.events;

import java.time.Instant;

/** A later failing report revoked a gate of a ready release: it is a candidate again until the gate holds. */
public record ReleaseGateRevoked(
        String version,
        String channel,
        String reason,
        Instant revokedAt) implements KilnEvent {

    @Override
    public EventType<ReleaseGateRevoked> eventType() {
        return EventCatalog.RELEASE_GATE_REVOKED;
    }

    @Override
    public String key() {
        return version;
    }
}
