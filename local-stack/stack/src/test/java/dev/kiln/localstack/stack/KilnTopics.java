package dev.kiln.localstack.stack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import dev.kiln.events.CloudEventHeaders;
import dev.kiln.events.EventJson;
import dev.kiln.events.TestReported;
import dev.kiln.events.Topics;
import dev.kiln.events.kafka.CloudEventRecords;
import dev.kiln.events.kafka.IncomingEvent;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The stack's Kafka as a test system and an event reader see it: reports on {@code kiln.tests}, release events on {@code kiln.releases}. */
final class KilnTopics {

    private final String bootstrap;

    KilnTopics(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Reports on {@code kiln.tests} the way docs/testing-hooks.md tells a test system to: binary mode, keyed by version. */
    void report(TestReported report) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, UUID.nameUUIDFromBytes(report.reportId().getBytes(UTF_8)).toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/kiln/it-test-system".getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, report.eventType().name().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(report.reportedAt()).getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, report.version().getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.TESTS, null, report.version(), EventJson.write(report), headers)).get();
        }
    }

    /**
     * The events on {@code kiln.releases} keyed by {@code version}, in the order they were appended (one key, one
     * partition), read from the start until {@code enough} holds for them.
     */
    List<IncomingEvent> releaseEvents(String version, Duration atMost, Predicate<List<IncomingEvent>> enough) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<IncomingEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RELEASES));
            await().atMost(atMost).pollInSameThread().pollInterval(Duration.ofMillis(100)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (version.equals(r.key())) {
                        events.add(CloudEventRecords.read(r));
                    }
                }
                return enough.test(events);
            });
        }
        return events;
    }

    /** {@code dev.kiln.release.ready.v1} -> {@code ready}. */
    static List<String> shortTypes(List<IncomingEvent> events) {
        return events.stream().map(e -> e.type().replaceFirst("^dev\\.kiln\\.release\\.", "").replaceFirst("\\.v1$", "")).toList();
    }
}
