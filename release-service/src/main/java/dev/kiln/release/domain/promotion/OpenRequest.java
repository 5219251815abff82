package dev.kiln.release.domain.promotion;

import java.time.Instant;

/** A release request not yet finished (queued, versioning, building, testing or awaiting approval). */
public record OpenRequest(String id, Lane lane, Instant createdAt) {
}
