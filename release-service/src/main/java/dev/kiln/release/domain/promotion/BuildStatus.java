package dev.kiln.release.domain.promotion;

import java.util.Objects;
import java.util.Optional;

/** A build as build-runner answers when asked: what it builds and, once it ended, how ({@code outcome} empty while it runs). */
public record BuildStatus(BuiltVersion build, Optional<BuildOutcome> outcome) {

    public BuildStatus {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(outcome, "outcome");
    }
}
