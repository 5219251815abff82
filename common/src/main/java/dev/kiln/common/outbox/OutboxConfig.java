package dev.kiln.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay. */
@ConfigMapping(prefix = "kiln.outbox")
public interface OutboxConfig {

    /** CloudEvent {@code source} attribute of this service's events, e.g. {@code /kiln/version-service}. */
    String source();

    /** How often the relay looks for unsent rows even when no commit woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Rows published per relay transaction. */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge one event before it counts as failed. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** First wait after a failed publish; doubles with each further failure. */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** Upper bound of the wait between publish attempts while Kafka is unreachable. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Sent rows older than this are deleted. */
    @WithDefault("7d")
    Duration retention();
}
