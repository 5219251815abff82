package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.PROBLEMS;
import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Api.RELEASER2;
import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.body;
import static dev.kiln.release.testing.Api.decide;
import static dev.kiln.release.testing.Api.report;
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
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Releasers decide on candidate and ready releases, once per identity; stable's default policy needs two approvals. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class ApprovalApiTest {

    @Inject
    Candidates candidates;

    /** A stable patch (no soak) built for amd64/qemu_uefi with every suite passed: only approvals missing. */
    private String tested(String version) {
        candidates.buildSucceeded(Builds.succeeded(version, List.of("amd64"), List.of("qemu_uefi")));
        report(TESTER, version, body("suite", "kola", "arch", "amd64", "vendor", "qemu_uefi", "result", "passed")).statusCode(201);
        report(TESTER, version, body("suite", "qemu_update", "arch", "amd64", "result", "passed")).statusCode(201);
        return version;
    }

    private static String state(String version) {
        return given().get("/api/v1/releases/" + version).then().extract().path("state");
    }

    @Test
    void twoDistinctReleasersMakeAStableReleaseReady() {
        String v = tested("4593.2.5");

        decide(RELEASER, v, "approve", "go").statusCode(201)
                .body("identity", equalTo("releaser")).body("decision", equalTo("approve")).body("releaseState", equalTo("candidate"));
        decide(RELEASER2, v, "approve", "go").statusCode(201).body("releaseState", equalTo("ready"));

        assertThat(Db.outbox(EventCatalog.RELEASE_READY.name(), v)).hasSize(1);
    }

    @Test
    void theSameIdentityTwiceIsAConflictAndChangesNothing() {
        String v = tested("4593.2.6");
        decide(RELEASER, v, "approve", "go").statusCode(201);
        List<Integer> before = Db.footprint(v);

        decide(RELEASER, v, "approve", "again").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "already-decided"));

        assertThat(Db.footprint(v)).isEqualTo(before);
        assertThat(state(v)).isEqualTo("candidate");
    }

    @Test
    void aRejectRejectsTheRelease() {
        String v = tested("4593.2.7");

        decide(RELEASER, v, "reject", "kernel regression on arm64").statusCode(201).body("releaseState", equalTo("rejected"));

        given().get("/api/v1/releases/" + v).then().body("transitions[1].actor", equalTo("releaser"))
                .body("transitions[1].reason", equalTo("approvals: rejected by releaser: kernel regression on arm64"));
        assertThat(Db.outbox(EventCatalog.RELEASE_REJECTED.name(), v)).singleElement()
                .satisfies(json -> assertThat(json).contains("\"rejectedBy\":\"releaser\""));
    }

    @Test
    void aDecidedReleaseTakesNoMoreDecisions() {
        String v = tested("4593.2.8");
        decide(RELEASER, v, "reject", "no").statusCode(201);
        List<Integer> before = Db.footprint(v);

        decide(RELEASER2, v, "approve", "go").statusCode(409).body("type", equalTo(PROBLEMS + "release-not-open"));

        assertThat(Db.footprint(v)).isEqualTo(before);
    }

    @Test
    void refusesBadDecisionsAndCallersWithoutReleaser() {
        String v = tested("4593.2.9");
        List<Integer> before = Db.footprint(v);

        decide(RELEASER, v, "maybe", "hmm").statusCode(400).body("type", equalTo(PROBLEMS + "invalid-approval"));
        decide(RELEASER, "4593.2.99", "approve", "go").statusCode(404).body("type", equalTo(PROBLEMS + "release-not-found"));
        decide(TESTER, v, "approve", "go").statusCode(403);
        given().contentType(ContentType.JSON).body(body("decision", "approve")).post("/api/v1/releases/" + v + "/approvals")
                .then().statusCode(401);

        assertThat(Db.footprint(v)).isEqualTo(before);
    }
}
