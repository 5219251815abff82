package dev.kiln.artifact.domain.channel;

import dev.kiln.flatcar.Version;
import java.time.Instant;

/** A pointer of a board and the version it names since {@code movedAt}. */
public record Pointer(String name, Version version, Instant movedAt) {
}
