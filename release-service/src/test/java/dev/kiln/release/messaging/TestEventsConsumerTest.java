package dev.kiln.release.messaging;

import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.body;
import static dev.kiln.release.testing.Api.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.events.EventCatalog;
import dev.kiln.events.TestReported;
import dev.kiln.events.Topics;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Builds;
import dev.kiln.release.testing.Db;
import dev.kiln.release.testing.EventWriter;
import dev.kiln.testing.EventReader;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Test systems may report on kiln.tests themselves; the service takes each report once and skips its own echoes. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class TestEventsConsumerTest {

    private static final String OWN_SOURCE = "/kiln/release-service";

    @Inject
    Candidates candidates;

    private static TestReported kola(String version, String reportId, String result, Integer attempt) {
        return new TestReported(reportId, version, "kola", "amd64", "qemu_uefi", result, "kola-ci",
                "https://ci.example.org/kola/" + reportId, Instant.now(), attempt);
    }

    private static void awaitHandled(String eventId) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Db.count("kiln_inbox", "consumer = ? and event_id = ?", TestEventsConsumer.CONSUMER, eventId) == 1);
    }

    @Test
    void aReportOnTheTopicIsStoredOnceWithoutAnEcho() {
        candidates.buildSucceeded(Builds.succeeded("4790.0.11"));
        TestReported report = kola("4790.0.11", "kola-9001", "passed", 1);

        String id = EventWriter.send(report);
        EventWriter.send(report, id, EventWriter.FOREIGN_SOURCE);
        String redelivered = EventWriter.send(report);
        awaitHandled(id);
        awaitHandled(redelivered);

        assertThat(Db.count("test_report", "report_id = ? and reported_by = ? and attempt = 1", "kola-9001", "kola-ci")).isEqualTo(1);
        assertThat(Db.count("kiln_outbox", "event_key = ? and event_type = ?", "4790.0.11", "dev.kiln.test.reported.v1")).isZero();
    }

    @Test
    void aReportReceivedOverRestReachesKilnTestsFromThisServiceAndIsNotTakenTwice() {
        candidates.buildSucceeded(Builds.succeeded("4790.0.15"));

        try (EventReader reader = new EventReader(Topics.TESTS)) {
            report(TESTER, "4790.0.15", body("suite", "kola", "arch", "amd64", "vendor", "ami", "result", "passed",
                    "reportId", "rest-1")).statusCode(201);

            List<IncomingEvent> seen = reader.await(e -> e.is(EventCatalog.TEST_REPORTED) && "4790.0.15".equals(e.key()), 1,
                    Duration.ofSeconds(30));
            assertThat(seen).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo(OWN_SOURCE);
                assertThat(e.dataAs(EventCatalog.TEST_REPORTED).reportId()).isEqualTo("rest-1");
            });
        }
        String later = EventWriter.send(kola("4790.0.15", "after-rest", "passed", 2));
        awaitHandled(later);

        assertThat(Db.count("test_report", "version = ?", "4790.0.15")).isEqualTo(2);
    }

    @Test
    void eventsThisServiceProducedAreSkipped() {
        candidates.buildSucceeded(Builds.succeeded("4790.0.12"));

        EventWriter.send(kola("4790.0.12", "echo-1", "failed", 1), UUID.randomUUID().toString(), OWN_SOURCE);
        String after = EventWriter.send(kola("4790.0.12", "foreign-1", "passed", 2));
        awaitHandled(after);

        assertThat(Db.count("test_report", "version = ?", "4790.0.12")).isEqualTo(1);
        assertThat(Db.count("test_report", "report_id = ?", "echo-1")).isZero();
    }

    @Test
    void errorCountsAsAFailedAttemptAndSkippedAsNone() {
        candidates.buildSucceeded(Builds.succeeded("4790.0.13"));

        String error = EventWriter.send(kola("4790.0.13", "err-1", "error", null));
        String skipped = EventWriter.send(kola("4790.0.13", "skip-1", "skipped", null));
        awaitHandled(error);
        awaitHandled(skipped);

        assertThat(Db.count("test_report", "report_id = ? and result = 'failed' and attempt = 1", "err-1")).isEqualTo(1);
        assertThat(Db.count("test_report", "report_id = ?", "skip-1")).isZero();
    }

    @Test
    void aReportTheServiceRefusesIsDroppedAndDoesNotBlockTheNext() {
        candidates.buildSucceeded(Builds.succeeded("4790.0.14"));

        String unknown = EventWriter.send(kola("4790.0.98", "lost-1", "passed", 1));
        String next = EventWriter.send(kola("4790.0.14", "next-1", "passed", 1));
        awaitHandled(unknown);
        awaitHandled(next);

        assertThat(Db.count("test_report", "report_id = ?", "lost-1")).isZero();
        assertThat(Db.count("test_report", "report_id = ?", "next-1")).isEqualTo(1);
    }
}
