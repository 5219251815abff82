package dev.kiln.release.api;

import java.time.Instant;

/** A stored decision and the release's state after it. */
public record ApprovalResponse(String version, String identity, String decision, String comment, Instant at, String releaseState) {
}
