package dev.kiln.release.domain.promotion;

import java.time.Instant;
import java.util.Objects;

/** One state a release request reached: who or what moved it ({@code actor}), why, and when. Kept forever. */
public record HistoryEntry(RequestState state, String actor, String reason, Instant at) {

    public HistoryEntry {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a history entry names its actor and its reason");
        }
    }
}
