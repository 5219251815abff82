package dev.kiln.localstack.testsystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.TestReported;
import dev.kiln.events.Topics;
import dev.kiln.events.kafka.CloudEventRecords;
import dev.kiln.events.kafka.IncomingEvent;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The reports as release-service reads them: on kiln.tests (TestEventsConsumer) and over REST (TestReportRequest). */
class ReportShapesTest {

    private static final String CANDIDATE_EVENT = "6a1f9a52-3c3e-4d8e-9a54-1b2c3d4e5f60";
    private static final Instant AT = Instant.parse("2026-12-07T18:30:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReportIsADeterministicFunctionOfTheCandidateEventAndTheAttempt() {
        Attempt rerun = new Attempt(new Target("kola", "amd64", "qemu_uefi", 2), 2, true, "the rerun passes");

        TestReported report = rerun.report(CANDIDATE_EVENT, "4790.0.1", "test-system", AT);

        assertThat(report).isEqualTo(new TestReported(CANDIDATE_EVENT + "/kola/amd64/qemu_uefi/2", "4790.0.1", "kola",
                "amd64", "qemu_uefi", "passed", "test-system", null, AT, 2));
        assertThat(new Attempt(new Target("qemu_update", "arm64", null, 2), 1, false, "").reportId(CANDIDATE_EVENT))
                .isEqualTo(CANDIDATE_EVENT + "/qemu_update/arm64/1");
    }

    @Test
    void onKilnTestsAReportIsABinaryModeCloudEventKeyedByVersion() {
        TestReported report = new Attempt(new Target("kola", "amd64", "qemu_uefi", 2), 1, false, "flake")
                .report(CANDIDATE_EVENT, "4790.0.1", "test-system", AT);

        ProducerRecord<String, String> record = KafkaReports.record(report, TestSystemMain.SOURCE);
        IncomingEvent event = CloudEventRecords.read(record.headers(), record.key(), record.value());

        assertThat(record.topic()).isEqualTo(Topics.TESTS);
        assertThat(record.key()).isEqualTo("4790.0.1");
        assertThat(event.type()).isEqualTo("dev.kiln.test.reported.v1");
        assertThat(event.source()).isEqualTo("/kiln/example-test-system");
        assertThat(event.subject()).isEqualTo("4790.0.1");
        assertThat(event.time()).isEqualTo(AT);
        assertThat(new String(record.headers().lastHeader("content-type").value())).isEqualTo("application/json");
        assertThat(event.dataAs(EventCatalog.TEST_REPORTED)).isEqualTo(report);
        assertThat(KafkaReports.record(report, TestSystemMain.SOURCE).headers().lastHeader("ce_id").value())
                .as("the same report is the same event").isEqualTo(record.headers().lastHeader("ce_id").value());
    }

    @Test
    void overRestAReportIsTheTestReportsRequestBody() throws Exception {
        TestReported perArch = new Attempt(new Target("qemu_update", "arm64", null, 2), 1, true, "")
                .report(CANDIDATE_EVENT, "4790.1.0", "test-system", AT);

        JsonNode body = JSON.readTree(RestReports.body(perArch));

        assertThat(body.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("suite", "arch", "result", "attempt", "reportId");
        assertThat(body.path("suite").asText()).isEqualTo("qemu_update");
        assertThat(body.path("arch").asText()).isEqualTo("arm64");
        assertThat(body.path("result").asText()).isEqualTo("passed");
        assertThat(body.path("attempt").asInt()).isEqualTo(1);
        assertThat(body.path("reportId").asText()).isEqualTo(CANDIDATE_EVENT + "/qemu_update/arm64/1");
    }
}
