package dev.kiln.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelayBackoffTest {

    private static final Instant T0 = Instant.parse("2026-08-21T21:00:00Z");

    @Test
    void waitDoublesWithEachFailureUpToTheMaximum() {
        RelayBackoff backoff = new RelayBackoff(Duration.ofMillis(500), Duration.ofSeconds(3));

        assertThat(backoff.failed(T0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.failed(T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failed(T0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.failed(T0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.failed(T0)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void notDueUntilTheWaitHasPassed() {
        RelayBackoff backoff = new RelayBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

        backoff.failed(T0);

        assertThat(backoff.isDue(T0.plusMillis(999))).isFalse();
        assertThat(backoff.isDue(T0.plusSeconds(1))).isTrue();
    }

    @Test
    void successResetsTheSchedule() {
        RelayBackoff backoff = new RelayBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        backoff.failed(T0);
        backoff.failed(T0);

        backoff.succeeded();

        assertThat(backoff.isDue(T0)).isTrue();
        assertThat(backoff.consecutiveFailures()).isZero();
        assertThat(backoff.failed(T0)).isEqualTo(Duration.ofSeconds(1));
    }
}
