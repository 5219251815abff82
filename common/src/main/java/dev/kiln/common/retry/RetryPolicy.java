package dev.kiln.common.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Kiln's one way to retry a call that may fail for a while (another service, Kafka, S3): up to
 * {@code attempts} calls, waiting {@code delay}, then twice as long each time (at most {@link #MAX_WAIT}),
 * between failures that {@code retryable} accepts; any other failure, and the last one, is thrown as it is.
 * An interrupt stops it at once: the thread's interrupt flag stays set and {@link Interrupted} is thrown,
 * never another attempt. (SmallRye Fault Tolerance's synchronous retry was tried first: it cleared the
 * interrupt flag and went on waiting, which is the behaviour this class exists to rule out.)
 */
public final class RetryPolicy {

    /** The longest single wait between two attempts. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final int attempts;
    private final long delayMillis;
    private final Predicate<Throwable> retryable;

    private RetryPolicy(String name, int attempts, long delayMillis, Predicate<Throwable> retryable) {
        this.name = name;
        this.attempts = attempts;
        this.delayMillis = delayMillis;
        this.retryable = retryable;
    }

    /**
     * @param name      what is retried, for messages (e.g. {@code version-service})
     * @param attempts  calls at most, the first included (1 means no retry)
     * @param delay     the wait after the first failure; it doubles after each further one
     * @param retryable which failures may pass with time (timeouts, 5xx); the others are final at once
     */
    public static RetryPolicy of(String name, int attempts, Duration delay, Predicate<Throwable> retryable) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retryable, "retryable");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        return new RetryPolicy(name, attempts, Math.max(0, delay.toMillis()), retryable);
    }

    public String name() {
        return name;
    }

    public int attempts() {
        return attempts;
    }

    /** Calls {@code call} until it returns, fails for good, or the attempts are used up. */
    public <T> T call(Supplier<T> call) {
        long wait = delayMillis;
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new Interrupted(name, null);
            }
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new Interrupted(name, e);
                }
                if (attempt >= attempts || !retryable.test(e)) {
                    throw e;
                }
                pause(wait, e);
                wait = Math.min(wait * 2, MAX_WAIT.toMillis());
            }
        }
    }

    /** The same for a call that returns nothing. */
    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    private void pause(long millis, RuntimeException failure) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted(name, failure);
        }
    }

    /** The thread was interrupted before or while the call was retried; its interrupt flag is still set. */
    public static final class Interrupted extends RuntimeException {

        Interrupted(String name, Throwable lastFailure) {
            super(name + ": interrupted, not retried", lastFailure);
        }
    }
}
