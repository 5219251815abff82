package dev.kiln.runner.client;

import dev.kiln.runner.domain.port.PortException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Calls a collaborator up to {@code attempts} times, waiting {@code delay}, then twice as long, between
 * failures that may pass ({@link PortException#permanent()} false). Each call has its client's timeouts.
 */
final class BoundedRetry {

    private static final Logger LOG = Logger.getLogger(BoundedRetry.class);

    private final int attempts;
    private final Duration delay;

    BoundedRetry(int attempts, Duration delay) {
        this.attempts = attempts;
        this.delay = delay;
    }

    <T> T call(String what, Supplier<T> call) {
        long wait = delay.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (PortException e) {
                if (e.permanent() || attempt >= attempts) {
                    throw e;
                }
                LOG.debugf("%s failed (attempt %d of %d), retrying in %d ms: %s", what, attempt, attempts, wait,
                        e.getMessage());
                sleep(wait);
                wait *= 2;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortException("interrupted while waiting to retry", false, e);
        }
    }
}
