package dev.kiln.release.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.kiln.events.CloudEventHeaders;
import dev.kiln.events.EventJson;
import dev.kiln.events.KilnEvent;
import dev.kiln.testing.TestInfrastructure;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as another service or a test system would: binary-mode CloudEvents on their topic. */
public final class EventWriter {

    public static final String FOREIGN_SOURCE = "/test-systems/kola-ci";

    private EventWriter() {
    }

    public static String send(KilnEvent event) {
        return send(event, UUID.randomUUID().toString(), FOREIGN_SOURCE);
    }

    /** Sends {@code event} with the given CloudEvent id and source (to replay a delivery, or to pose as this service). */
    public static String send(KilnEvent event, String id, String source) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.eventType().topic(), event.key(),
                    EventJson.write(event));
            record.headers().add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8))
                    .add(CloudEventHeaders.ID, id.getBytes(UTF_8))
                    .add(CloudEventHeaders.SOURCE, source.getBytes(UTF_8))
                    .add(CloudEventHeaders.TYPE, event.eventType().name().getBytes(UTF_8))
                    .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8))
                    .add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
            producer.send(record).get();
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
