package dev.kiln.artifact.domain.gc;

import java.time.Duration;

/** The configured collection settings, and how long a run may go without progress before it counts as dead. */
public record GcOptions(GcSettings defaults, Duration abandonedAfter) {
}
