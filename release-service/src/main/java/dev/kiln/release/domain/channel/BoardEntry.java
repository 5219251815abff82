package dev.kiln.release.domain.channel;

import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a channel on one architecture: what was done to which release, and what {@code current} points
 * to afterwards (empty when nothing servable is left), by whom, why and when.
 */
public record BoardEntry(Action action, String arch, Version version, Optional<Version> current, String actor, String reason,
        Instant at) {

    public enum Action {
        PUBLISH,
        ROLLBACK,
        WITHDRAW
    }

    public BoardEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(at, "at");
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a channel change names its actor and its reason");
        }
    }
}
