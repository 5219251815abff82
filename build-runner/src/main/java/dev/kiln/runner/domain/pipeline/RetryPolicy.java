package dev.kiln.runner.domain.pipeline;

import java.time.Duration;

/**
 * Attempts per round of a step run (a round starts with the build, and again with each resume) and the
 * exponential backoff between them: {@code backoff * multiplier^(n-1)}, capped at {@code maxBackoff}.
 */
public record RetryPolicy(int attempts, Duration backoff, double multiplier, Duration maxBackoff) {

    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("backoff must be >= 0 and maxBackoff >= backoff");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
    }

    /** True when a round that has used {@code attemptsUsed} attempts may start another. */
    public boolean allowsAnother(int attemptsUsed) {
        return attemptsUsed < attempts;
    }

    /** The wait after the {@code failedAttempt}-th attempt of a round failed (counting from 1). */
    public Duration delayAfter(int failedAttempt) {
        double millis = backoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
    }
}
