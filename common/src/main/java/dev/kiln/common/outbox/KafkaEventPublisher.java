package dev.kiln.common.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.kiln.events.CloudEventHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes one outbox row to Kafka as a binary-mode CloudEvent; completes when the broker acknowledges.
 * Sends start on a thread of their own, outside the relay's transaction: context propagation would
 * otherwise carry that transaction into Kafka's callback threads, and its commit would fail with
 * "multiple threads active".
 */
@ApplicationScoped
public class KafkaEventPublisher {

    static final String CHANNEL = "kiln-outbox";

    private final MutinyEmitter<String> emitter;
    // one thread, so that sends reach the producer in the order the relay issues them
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("kiln-outbox-sender").daemon().factory());

    public KafkaEventPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public CompletableFuture<Void> publish(OutboxEventEntity row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.eventKey)
                .withHeaders(headersOf(row))
                .build();
        Message<String> message = Message.of(row.payload).addMetadata(metadata);
        return CompletableFuture.supplyAsync(() -> emitter.sendMessage(message).subscribeAsCompletionStage(), sender)
                .thenCompose(ack -> ack);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        sender.shutdown();
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
