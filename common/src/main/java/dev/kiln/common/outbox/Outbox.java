package dev.kiln.common.outbox;

import dev.kiln.events.EventJson;
import dev.kiln.events.KilnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * The only way a Kiln service emits an event: the event joins the caller's transaction and is published
 * after commit by {@link OutboxRelay}. There is no send that bypasses the database.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final Clock clock;
    private final Event<OutboxAppended> appended;

    public Outbox(OutboxRepository repository, OutboxConfig config, Clock clock, Event<OutboxAppended> appended) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
        this.appended = appended;
    }

    /** Records {@code event} in the current transaction and returns its CloudEvent id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String append(KilnEvent event) {
        OutboxEventEntity row = new OutboxEventEntity();
        row.eventId = UUID.randomUUID().toString();
        row.eventType = event.eventType().name();
        row.topic = event.eventType().topic();
        row.eventKey = event.key();
        row.source = config.source();
        row.subject = event.key();
        row.occurredAt = clock.instant();
        row.payload = EventJson.write(event);
        repository.persist(row);
        appended.fire(new OutboxAppended(row.eventId));
        return row.eventId;
    }
}
