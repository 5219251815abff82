package dev.kiln.common.inbox;

import dev.kiln.events.kafka.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs a handler at most once per (consumer, event id): the marker row and the handler's own writes
 * commit together, so a redelivered event (at-least-once Kafka, outbox replays) changes nothing.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ProcessedEventRepository processed;
    private final Clock clock;

    public IdempotentConsumer(ProcessedEventRepository processed, Clock clock) {
        this.processed = processed;
        this.clock = clock;
    }

    /** Returns false, without calling {@code handler}, when {@code consumer} already handled this event. */
    @Transactional
    public boolean handleOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        if (!processed.markProcessed(consumer, event.id(), event.type(), clock.instant())) {
            LOG.debugf("%s: ignoring duplicate %s %s", consumer, event.type(), event.id());
            return false;
        }
        handler.accept(event);
        return true;
    }
}
