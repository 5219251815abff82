package dev.kiln.events;

import java.time.Instant;

/** An object became visible in the build cache at {@code path}. */
public record ArtifactStored(
        String path,
        String version,
        String area,
        String arch,
        long size,
        String sha256,
        String contentType,
        String uploadedBy,
        Instant storedAt) implements KilnEvent {

    @Override
    public EventType<ArtifactStored> eventType() {
        return EventCatalog.ARTIFACT_STORED;
    }

    @Override
    public String key() {
        return version != null ? version : path;
    }
}
