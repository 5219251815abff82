package dev.kiln.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The outbox on {@code /q/metrics}: while Kafka is away a service stays ready and keeps its events here, so the
 * backlog (and the relay's failures in a row) is what an operator watches and alerts on.
 */
@ApplicationScoped
public class OutboxMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, OutboxRelay relay) {
        Gauge.builder("kiln.outbox.backlog", relay, OutboxMetrics::backlogOrNaN)
                .description("events written to the outbox and not yet published to Kafka")
                .register(registry);
        Gauge.builder("kiln.outbox.relay.failures", relay, OutboxRelay::consecutiveFailures)
                .description("publishing attempts in a row that failed (0 once Kafka takes events again)")
                .register(registry);
    }

    /** NaN while the database cannot be asked, so a scrape never fails for it. */
    private static double backlogOrNaN(OutboxRelay relay) {
        try {
            return relay.backlog();
        } catch (RuntimeException databaseAway) {
            return Double.NaN;
        }
    }
}
