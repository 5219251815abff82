package dev.kiln.common.outbox;

import java.time.Duration;
import java.time.Instant;

/** Exponential backoff between failed publish attempts: pure, so that its schedule is unit-testable. */
final class RelayBackoff {

    private final Duration initial;
    private final Duration max;
    private int consecutiveFailures;
    private Instant notBefore = Instant.MIN;

    RelayBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    synchronized boolean isDue(Instant now) {
        return !now.isBefore(notBefore);
    }

    synchronized Duration failed(Instant now) {
        consecutiveFailures++;
        Duration wait = initial.multipliedBy(1L << Math.min(consecutiveFailures - 1, 20));
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        notBefore = now.plus(wait);
        return wait;
    }

    synchronized void succeeded() {
        consecutiveFailures = 0;
        notBefore = Instant.MIN;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }
}
