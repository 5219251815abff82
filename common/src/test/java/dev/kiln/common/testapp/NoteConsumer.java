package dev.kiln.common.testapp;

import dev.kiln.events.kafka.CloudEventRecords;
import dev.kiln.common.inbox.IdempotentConsumer;
import dev.kiln.events.EventCatalog;
import io.quarkus.hibernate.orm.panache.Panache;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer in miniature: records each artifact.stored event once. */
@ApplicationScoped
public class NoteConsumer {

    private final IdempotentConsumer idempotent;

    public NoteConsumer(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    @Incoming("notes-in")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        var event = CloudEventRecords.read(record);
        if (!event.is(EventCatalog.ARTIFACT_STORED)) {
            return;
        }
        idempotent.handleOnce("notes", event, e -> {
            SeenNoteEntity seen = new SeenNoteEntity();
            seen.eventId = e.id();
            seen.path = e.dataAs(EventCatalog.ARTIFACT_STORED).path();
            Panache.getEntityManager().persist(seen);
        });
    }
}
