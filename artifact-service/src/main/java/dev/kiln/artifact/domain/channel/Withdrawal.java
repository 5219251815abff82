package dev.kiln.artifact.domain.channel;

import dev.kiln.flatcar.Version;
import java.time.Instant;

/** A release withdrawn from a board: every read under its version directory answers 410 from {@code at} on. */
public record Withdrawal(ChannelBoard board, Version version, String reason, String by, Instant at) {
}
