package dev.kiln.artifact.domain.gc;

import java.time.Instant;

/** A tag of the scripts repo as version-service reported it: its version ({@code +} form) and creation time. */
public record KnownVersion(String tag, String version, Instant createdAt) {
}
