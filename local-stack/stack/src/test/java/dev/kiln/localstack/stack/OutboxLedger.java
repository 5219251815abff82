package dev.kiln.localstack.stack;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.kiln.events.CloudEventHeaders;
import dev.kiln.events.kafka.CloudEventRecords;
import dev.kiln.events.kafka.IncomingEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the four services' outboxes hold (PostgreSQL, one {@code kiln_outbox} per service schema) and what reached
 * Kafka (every topic read from the beginning to its end), compared by CloudEvent id.
 */
final class OutboxLedger {

    static final List<String> SCHEMAS = List.of("version_service", "build_runner", "artifact_service", "release_service");

    private final String jdbcUrl;
    private final String bootstrap;

    OutboxLedger(int postgresPort, int kafkaPort) {
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + LocalStack.DATABASE;
        this.bootstrap = "127.0.0.1:" + kafkaPort;
    }

    /** Rows not yet acknowledged by Kafka, over all four outboxes. */
    long unsent() throws SQLException {
        long unsent = 0;
        try (Connection c = connect()) {
            for (String schema : SCHEMAS) {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select count(*) from " + schema + ".kiln_outbox where sent_at is null")) {
                    rs.next();
                    unsent += rs.getLong(1);
                }
            }
        }
        return unsent;
    }

    /** Every outbox row's event id, by schema. */
    Map<String, Set<String>> outboxIds() throws SQLException {
        Map<String, Set<String>> ids = new HashMap<>();
        try (Connection c = connect()) {
            for (String schema : SCHEMAS) {
                Set<String> rows = new HashSet<>();
                try (ResultSet rs = c.createStatement().executeQuery("select event_id from " + schema + ".kiln_outbox")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                ids.put(schema, rows);
            }
        }
        return ids;
    }

    /** One record on Kafka: its topic and CloudEvent id and source (null when the record has none). */
    record Published(String topic, String id, String source) {
    }

    /** Every record of every topic, read from the beginning up to each partition's end. */
    List<Published> published() {
        return read(topic -> !topic.startsWith("__")).stream().map(r -> new Published(r.topic(),
                header(r, CloudEventHeaders.ID), header(r, CloudEventHeaders.SOURCE))).toList();
    }

    /** The events of {@code topic} with {@code key} (every key when null), from the beginning to the end. */
    List<IncomingEvent> events(String topic, String key) {
        return read(topic::equals).stream().filter(r -> key == null || key.equals(r.key()))
                .map(CloudEventRecords::read).toList();
    }

    private List<ConsumerRecord<String, String>> read(Predicate<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(30)).entrySet().stream()
                    .filter(topic -> topics.test(topic.getKey()))
                    .flatMap(topic -> topic.getValue().stream().map(i -> new TopicPartition(i.topic(), i.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + partitions + " to the end within 2 minutes");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}
