package dev.kiln.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy THREE_TIMES = RetryPolicy.of("version-service", 3, Duration.ofMillis(20),
            e -> e instanceof UncheckedIOException);

    @Test
    void retriesARetryableFailureUntilTheCallSucceeds() {
        AtomicInteger calls = new AtomicInteger();

        String answer = THREE_TIMES.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new UncheckedIOException(new java.io.IOException("connection refused"));
            }
            return "main-4799.0.0-nightly-20261207-1445";
        });

        assertThat(answer).isEqualTo("main-4799.0.0-nightly-20261207-1445");
        assertThat(calls).hasValue(3);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> THREE_TIMES.call(() -> {
            throw new UncheckedIOException("attempt " + calls.incrementAndGet(), new java.io.IOException());
        })).isInstanceOf(UncheckedIOException.class).hasMessage("attempt 3");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aFinalFailureIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> THREE_TIMES.call(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("409 version-already-allocated");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anInterruptDuringTheWaitStopsRetryingAndKeepsTheFlag() throws Exception {
        RetryPolicy slow = RetryPolicy.of("artifact-service", 5, Duration.ofSeconds(30), e -> true);
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Object[]> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                slow.call(() -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("503");
                });
                outcome.complete(new Object[] {"returned", false});
            } catch (RuntimeException e) {
                outcome.complete(new Object[] {e, Thread.currentThread().isInterrupted()});
            }
        });
        worker.start();
        Thread.sleep(300);

        worker.interrupt();

        Object[] result = outcome.get(5, TimeUnit.SECONDS);
        assertThat(result[0]).isInstanceOf(RetryPolicy.Interrupted.class);
        assertThat(result[1]).isEqualTo(true);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anAlreadyInterruptedThreadMakesNoCall() {
        AtomicInteger calls = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> THREE_TIMES.call(calls::incrementAndGet)).isInstanceOf(RetryPolicy.Interrupted.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(calls).hasValue(0);
        } finally {
            Thread.interrupted();
        }
    }
}
