package dev.kiln.common.outbox;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.events.ArtifactStored;
import dev.kiln.events.CloudEventHeaders;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.EventJson;
import dev.kiln.events.Topics;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.common.testapp.ProbeEvent;
import dev.kiln.testing.EventReader;
import dev.kiln.testing.TestInfrastructure;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRoundTripTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRepository outboxRows;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void stateChangeAndEventCommitTogetherAndReachKafkaAsBinaryCloudEvent() {
        long id = createNote("round trip");

        try (EventReader reader = new EventReader(Topics.ARTIFACTS)) {
            List<IncomingEvent> events = reader.await(e -> isNote(e, id), 1, Duration.ofSeconds(30));

            assertThat(events).hasSize(1);
            IncomingEvent event = events.getFirst();
            assertThat(event.type()).isEqualTo("dev.kiln.artifact.stored.v1");
            assertThat(event.source()).isEqualTo("/kiln/common-test");
            assertThat(event.key()).isEqualTo("notes/" + id);
            var record = reader.records().stream()
                    .filter(r -> header(r.headers(), CloudEventHeaders.ID).equals(event.id()))
                    .findFirst().orElseThrow();
            assertThat(header(record.headers(), CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(record.headers(), CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> seenCount("notes/" + id) == 1);
    }

    @Test
    void burstOfCommitsToANewTopicIsPublishedOnceEachWithoutARelayFailure() {
        double failuresBefore = relayFailures();
        String topic = "kiln.probe-" + UUID.randomUUID();

        try (EventReader reader = new EventReader(topic)) {
            IntStream.range(0, 50).forEach(i ->
                    QuarkusTransaction.requiringNew().run(() -> outbox.append(new ProbeEvent("p-" + i, topic))));

            List<IncomingEvent> seen = reader.await(e -> true, 50, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> unsent() == 0);

            assertThat(seen).hasSize(50);
            assertThat(reader.await(e -> true, 51, Duration.ofSeconds(2))).hasSize(50);
        }
        assertThat(relayFailures()).isEqualTo(failuresBefore);
    }

    @Test
    void rolledBackTransactionLeavesNoEventBehind() {
        String path = "notes/rolled-back-" + UUID.randomUUID();

        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.append(note(path));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }

        long rows = QuarkusTransaction.requiringNew().call(() -> outboxRows.count("payload like ?1", "%" + path + "%"));
        assertThat(rows).isZero();
    }

    @Test
    void redeliveredEventIsHandledOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String path = "notes/duplicate-" + eventId;
        String marker = "notes/marker-" + eventId;

        try (var producer = producer()) {
            producer.send(record(eventId, path, path)).get();
            producer.send(record(eventId, path, path)).get();
            // same key, same partition: once the marker is handled, both copies were
            producer.send(record(UUID.randomUUID().toString(), path, marker)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> seenCount(marker) == 1);
        assertThat(seenCount(path)).isEqualTo(1);
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedOnceItReturns() {
        TestInfrastructure.kafka().stop();
        List<Long> ids;
        try {
            ids = IntStream.range(0, 20).mapToObj(i -> createNote("while kafka is down " + i)).toList();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'outbox' }.data.lastError", Matchers.notNullValue()));
            assertThat(unsent()).isGreaterThanOrEqualTo(20);
        } finally {
            TestInfrastructure.kafka().start();
        }

        Set<String> paths = ids.stream().map(id -> "notes/" + id).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(90)).until(() -> unsent() == 0);
        try (EventReader reader = new EventReader(Topics.ARTIFACTS)) {
            List<IncomingEvent> published = reader.await(e -> paths.contains(e.key()), 20, Duration.ofSeconds(30));
            assertThat(published.stream().map(IncomingEvent::id).distinct()).hasSize(20);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(paths).allSatisfy(p -> assertThat(seenCount(p)).isEqualTo(1)));
    }

    private double relayFailures() {
        return meters.counter("kiln.outbox.publish.failures").count();
    }

    private long unsent() {
        return QuarkusTransaction.requiringNew().call(outboxRows::countUnsent);
    }

    private static long createNote(String text) {
        return given().auth().oauth2("builder-token").contentType("application/json")
                .body("{\"text\":\"" + text + "\"}")
                .post("/notes").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static boolean isNote(IncomingEvent e, long id) {
        return e.is(EventCatalog.ARTIFACT_STORED) && ("notes/" + id).equals(e.key());
    }

    private static long seenCount(String path) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createQuery("select count(s) from SeenNoteEntity s where s.path = ?1", Long.class)
                .setParameter(1, path).getSingleResult());
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), UTF_8);
    }

    private static ArtifactStored note(String path) {
        return new ArtifactStored(path, null, "notes", null, 1, "0".repeat(64), "text/plain", "test", Instant.now());
    }

    private static ProducerRecord<String, String> record(String eventId, String key, String path) {
        var record = new ProducerRecord<>(Topics.ARTIFACTS, key, EventJson.write(note(path)));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.ID, eventId.getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "/test".getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, EventCatalog.ARTIFACT_STORED.name().getBytes(UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
