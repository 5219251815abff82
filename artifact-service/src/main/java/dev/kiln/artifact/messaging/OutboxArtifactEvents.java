package dev.kiln.artifact.messaging;

import dev.kiln.artifact.domain.ArtifactEvents;
import dev.kiln.artifact.domain.CacheLocation;
import dev.kiln.artifact.domain.StoredArtifact;
import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.ArtifactDeleted;
import dev.kiln.events.ArtifactStored;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Emits {@code dev.kiln.artifact.stored.v1} and {@code .deleted.v1} through the outbox, in the caller's transaction. */
@ApplicationScoped
public class OutboxArtifactEvents implements ArtifactEvents {

    private final Outbox outbox;

    public OutboxArtifactEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void stored(StoredArtifact artifact) {
        CacheLocation location = artifact.location();
        outbox.append(new ArtifactStored(artifact.path().value(), location.version(), location.area(), location.arch(),
                artifact.digests().size(), artifact.digests().sha256(), artifact.contentType(), artifact.uploadedBy(),
                artifact.createdAt()));
    }

    @Override
    public void deleted(String path, CacheLocation location, String reason, Instant at) {
        outbox.append(new ArtifactDeleted(path, location.version(), location.area(), reason, at));
    }
}
