package dev.kiln.artifact.domain.gc;

import java.time.Instant;

/** A release published to a channel; {@code version} is the plain release number {@code MMMM.m.p}. */
public record PublishedRelease(String version, String channel, Instant publishedAt) {
}
