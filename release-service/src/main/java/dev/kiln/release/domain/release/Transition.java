package dev.kiln.release.domain.release;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a release's state, kept forever for the audit trail: who or what caused it ({@code actor}: an
 * identity, or e.g. {@code build:k7xq2m4pza}), why, and when. {@code from} is null only on the entry that
 * created the release.
 */
public record Transition(ReleaseState from, ReleaseState to, String actor, String reason, Instant at) {

    public Transition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        if (actor == null || actor.isBlank()) {
            throw new InvalidReleaseException("a transition names its actor");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidReleaseException("a transition says why it happened");
        }
    }

    static Transition created(String actor, String reason, Instant at) {
        return new Transition(null, ReleaseState.CANDIDATE, actor, reason, at);
    }

    public boolean isCreation() {
        return from == null;
    }
}
