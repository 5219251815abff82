package dev.kiln.artifact.domain;

import java.time.Instant;

/** The port through which the cache announces changes; events join the caller's transaction (outbox). */
public interface ArtifactEvents {

    void stored(StoredArtifact artifact);

    void deleted(String path, CacheLocation location, String reason, Instant at);
}
