package dev.kiln.localstack.testsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.events.EventCatalog;
import dev.kiln.events.EventJson;
import dev.kiln.events.ReleaseCandidate;
import dev.kiln.events.TestReported;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.flatcar.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateHandlerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T18:40:00Z");
    private static final List<Target> ALPHA_GATES = List.of(new Target("kola", "amd64", "qemu_uefi", 2),
            new Target("kola", "arm64", "qemu_uefi", 2));

    @TempDir
    Path dir;

    private final List<TestReported> sent = new ArrayList<>();
    private final List<String> checkedArches = new ArrayList<>();
    private boolean kafkaDown;
    private HandledEvents handled;

    @AfterEach
    void close() {
        handled.close();
    }

    private CandidateHandler handler() {
        if (handled != null) {
            handled.close();
        }
        handled = HandledEvents.open(dir.resolve("handled-candidates"));
        CandidateHandler.Checks checks = new CandidateHandler.Checks() {
            @Override
            public Optional<List<Target>> required(String version) {
                return version.equals("4790.0.1") ? Optional.of(ALPHA_GATES) : Optional.empty();
            }

            @Override
            public ArchCheck check(String arch, String imagesDir, Version version, List<String> vendors) {
                checkedArches.add(arch + " " + imagesDir);
                return new ArchCheck(arch, List.of(), Map.of("qemu_uefi", List.of()));
            }
        };
        ReportSender sender = report -> {
            if (kafkaDown) {
                throw new Unavailable("Kafka is down");
            }
            sent.add(report);
        };
        return new CandidateHandler(handled, checks, new SuiteRuns("kola"), sender, "test-system",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static IncomingEvent candidate(String eventId, String version) {
        ReleaseCandidate data = new ReleaseCandidate(version, "alpha-" + version, "b-20261207-0042", "alpha",
                List.of("amd64", "arm64"), List.of("qemu_uefi"), NOW.minusSeconds(600),
                Map.of("amd64", "http://127.0.0.1:8083/cache/images/amd64/" + version + "/",
                        "arm64", "http://127.0.0.1:8083/cache/images/arm64/" + version + "/"));
        return new IncomingEvent(eventId, EventCatalog.RELEASE_CANDIDATE.name(), "/kiln/release-service", version, NOW,
                version, EventJson.write(data));
    }

    @Test
    void testsACandidateOnceAndReportsEveryRequiredTargetWithTheFlakeShown() {
        handler().handle(candidate("e-1", "4790.0.1"));

        assertThat(checkedArches).containsExactly("amd64 http://127.0.0.1:8083/cache/images/amd64/4790.0.1/",
                "arm64 http://127.0.0.1:8083/cache/images/arm64/4790.0.1/");
        assertThat(sent).extracting(TestReported::reportId, TestReported::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("e-1/kola/amd64/qemu_uefi/1", "failed"),
                org.assertj.core.groups.Tuple.tuple("e-1/kola/amd64/qemu_uefi/2", "passed"),
                org.assertj.core.groups.Tuple.tuple("e-1/kola/arm64/qemu_uefi/1", "passed"));
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.version()).isEqualTo("4790.0.1");
            assertThat(r.reportedBy()).isEqualTo("test-system");
            assertThat(r.reportedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aRedeliveredCandidateEventIsNotTestedAgainEvenAfterARestart() {
        handler().handle(candidate("e-1", "4790.0.1"));
        int reports = sent.size();

        handler().handle(candidate("e-1", "4790.0.1"));

        assertThat(sent).hasSize(reports);
        assertThat(checkedArches).hasSize(2);
    }

    @Test
    void whenAReportCannotBeSentTheCandidateStaysUnhandledAndIsReportedWithTheSameIdsLater() {
        kafkaDown = true;
        CandidateHandler handler = handler();
        assertThatThrownBy(() -> handler.handle(candidate("e-2", "4790.0.1"))).isInstanceOf(Unavailable.class);

        kafkaDown = false;
        handler.handle(candidate("e-2", "4790.0.1"));

        assertThat(handled.contains("e-2")).isTrue();
        assertThat(sent).extracting(TestReported::reportId).containsExactly("e-2/kola/amd64/qemu_uefi/1",
                "e-2/kola/amd64/qemu_uefi/2", "e-2/kola/arm64/qemu_uefi/1");
    }

    @Test
    void aCandidateReleaseServiceDoesNotKnowIsNotReportedOn() {
        handler().handle(candidate("e-3", "4791.0.0"));

        assertThat(sent).isEmpty();
        assertThat(handled.contains("e-3")).isTrue();
    }

    @Test
    void otherReleaseEventsAreNotForATestSystem() {
        IncomingEvent published = new IncomingEvent("e-4", EventCatalog.RELEASE_PUBLISHED.name(), "/kiln/release-service",
                "4790.0.1", NOW, "4790.0.1", "{}");

        handler().handle(published);

        assertThat(sent).isEmpty();
        assertThat(handled.contains("e-4")).isFalse();
    }
}
