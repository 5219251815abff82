package dev.kiln.release.messaging;

import dev.kiln.common.inbox.IdempotentConsumer;
import dev.kiln.events.kafka.CloudEventRecords;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.events.kafka.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * How this service applies a consumed event: read as a CloudEvent (records that are not one are skipped), then once
 * per consumer and event id, retried a few times; a handler that keeps failing fails the channel rather than skip the
 * event, since a lost build or report would leave a release undecided for ever.
 */
@ApplicationScoped
public class EventConsumption {

    private static final Logger LOG = Logger.getLogger(EventConsumption.class);
    private static final int ATTEMPTS = 4;

    private final IdempotentConsumer idempotent;

    public EventConsumption(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    Optional<IncomingEvent> read(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(CloudEventRecords.read(record));
        } catch (MalformedEventException e) {
            LOG.warnf("skipping a record that is no Kiln CloudEvent (%s-%d@%d): %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    void applyOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        for (int attempt = 1; ; attempt++) {
            try {
                idempotent.handleOnce(consumer, event, handler);
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("%s: applying %s %s failed (attempt %d), retrying: %s", consumer, event.type(), event.id(), attempt,
                        e.getMessage());
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
