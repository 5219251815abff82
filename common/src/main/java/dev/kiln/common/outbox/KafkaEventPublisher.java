package dev.kiln.common.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.kiln.events.CloudEventHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Writes one outbox row to Kafka as a binary-mode CloudEvent; completes when the broker acknowledges. */
@ApplicationScoped
public class KafkaEventPublisher {

    static final String CHANNEL = "kiln-outbox";

    private final MutinyEmitter<String> emitter;

    public KafkaEventPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public CompletableFuture<Void> publish(OutboxEventEntity row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.eventKey)
                .withHeaders(headersOf(row))
                .build();
        return emitter.sendMessage(Message.of(row.payload).addMetadata(metadata))
                .subscribeAsCompletionStage();
    }

    static RecordHeaders headersOf(OutboxEventEntity row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, row.eventId.getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, row.source.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, row.eventType.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.occurredAt).getBytes(UTF_8));
        if (row.subject != null) {
            headers.add(CloudEventHeaders.SUBJECT, row.subject.getBytes(UTF_8));
        }
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        return headers;
    }
}
