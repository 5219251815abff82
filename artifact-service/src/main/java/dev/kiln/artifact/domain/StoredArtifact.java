package dev.kiln.artifact.domain;

import java.time.Instant;

/** The index entry of one visible object: where it is, its digests, and who stored it when. */
public record StoredArtifact(
        CachePath path,
        CacheLocation location,
        Digests digests,
        String contentType,
        String etag,
        Instant createdAt,
        String uploadedBy,
        boolean generated) {
}
