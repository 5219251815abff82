package dev.kiln.artifact.domain;

import java.time.Instant;

/**
 * A verified write about to be published, journaled first so that a crash between publishing the object and
 * indexing it is repaired later: {@code writeId} is stored with the object and tells whose bytes are visible.
 */
public record PendingWrite(String writeId, CachePath path, Digests digests, String contentType, String uploadedBy,
        Instant createdAt) {
}
