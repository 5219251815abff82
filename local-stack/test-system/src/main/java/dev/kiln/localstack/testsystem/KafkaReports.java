package dev.kiln.localstack.testsystem;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.kiln.events.CloudEventHeaders;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.EventJson;
import dev.kiln.events.TestReported;
import dev.kiln.events.Topics;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reports on {@code kiln.tests} as binary-mode CloudEvents ({@code dev.kiln.test.reported.v1}), keyed by version so
 * that one release's reports stay in order. The {@code ce_id} is derived from the report id: a report sent again
 * after a crash is the same event.
 */
final class KafkaReports implements ReportSender {

    private final KafkaProducer<String, String> producer;
    private final String source;

    KafkaReports(String bootstrapServers, String source) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "kiln-example-test-system");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.source = source;
    }

    @Override
    public void send(TestReported report) {
        try {
            producer.send(record(report, source)).get(90, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new Unavailable("Kafka did not take report " + report.reportId() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted sending report " + report.reportId(), e);
        }
    }

    /** The Kafka record of {@code report}: the CloudEvents Kafka protocol binding, binary content mode. */
    static ProducerRecord<String, String> record(TestReported report, String source) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, UUID.nameUUIDFromBytes(report.reportId().getBytes(UTF_8)).toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, source.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, EventCatalog.TEST_REPORTED.name().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(report.reportedAt()).getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, report.version().getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        return new ProducerRecord<>(Topics.TESTS, null, report.version(), EventJson.write(report), headers);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
