package dev.kiln.events;

import java.time.Instant;

/** A dev tag was deleted locally and on the remote (garbage collection). */
public record VersionDeleted(String tag, String version, String reason, Instant deletedAt) implements KilnEvent {

    @Override
    public EventType<VersionDeleted> eventType() {
        return EventCatalog.VERSION_DELETED;
    }

    @Override
    public String key() {
        return tag;
    }
}
