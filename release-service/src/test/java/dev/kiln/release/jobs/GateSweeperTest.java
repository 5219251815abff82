package dev.kiln.release.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.events.EventCatalog;
import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Builds;
import dev.kiln.release.testing.Db;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep decides from what is stored, however it got there, and moves a release whose gates now hold. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class GateSweeperTest {

    @Inject
    Candidates candidates;

    @Inject
    GateSweeper sweeper;

    @Test
    void aReleaseWhoseStoredEvidenceNowSatisfiesItsGatesBecomesReady() {
        candidates.buildSucceeded(Builds.succeeded("4790.0.70", List.of("amd64"), List.of("qemu_uefi")));
        Timestamp now = Timestamp.from(Instant.now());
        Db.execute("insert into release_service.test_report (report_id, version, suite, arch, vendor, result, attempt, reported_by,"
                + " received_at) values ('sweep-1', '4790.0.70', 'kola', 'amd64', 'qemu_uefi', 'passed', 1, 'kola-ci', ?)", now);
        Db.execute("insert into release_service.approval (version, identity, roles, decision, comment, at)"
                + " values ('4790.0.70', 'alice', 'releaser', 'approve', 'go', ?)", now);

        sweeper.sweep();

        given().get("/api/v1/releases/4790.0.70").then().body("state", equalTo("ready"))
                .body("transitions[1].actor", equalTo("gate-sweeper"));
        assertThat(Db.outbox(EventCatalog.RELEASE_READY.name(), "4790.0.70")).hasSize(1);
    }

    @Test
    void sweepingAgainMovesNothing() {
        candidates.buildSucceeded(Builds.succeeded("4790.0.71", List.of("amd64"), List.of("qemu_uefi")));
        sweeper.sweep();
        List<Integer> before = Db.footprint("4790.0.71");

        sweeper.sweep();

        assertThat(Db.footprint("4790.0.71")).isEqualTo(before);
    }
}
