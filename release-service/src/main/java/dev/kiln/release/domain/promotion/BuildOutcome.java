package dev.kiln.release.domain.promotion;

import java.util.Objects;

/** How a request's build ended, as build-runner announced it ({@code build.*} events) or answers it when asked. */
public record BuildOutcome(Result result, String reason) {

    public enum Result {
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    public BuildOutcome {
        Objects.requireNonNull(result, "result");
        reason = reason == null || reason.isBlank() ? "no reason given" : reason;
    }
}
