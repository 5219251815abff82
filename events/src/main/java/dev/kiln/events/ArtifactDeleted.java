package dev.kiln.events;

import java.time.Instant;

/** An object was removed from the build cache, with the garbage-collection rule that removed it. */
public record ArtifactDeleted(String path, String version, String area, String reason, Instant deletedAt)
        implements KilnEvent {

    @Override
    public EventType<ArtifactDeleted> eventType() {
        return EventCatalog.ARTIFACT_DELETED;
    }

    @Override
    public String key() {
        return version != null ? version : path;
    }
}
