package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.PROBLEMS;
import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Api.RELEASER2;
import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.as;
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
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Publishing ready releases on the alpha board and rolling back. Each test works on an arch of its own, since the
 * board is shared by the tests of this JVM.
 */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class PublishingApiTest {

    @Inject
    Candidates candidates;

    private String candidate(String version, String arch) {
        candidates.buildSucceeded(Builds.succeeded(version, List.of(arch), List.of("qemu_uefi")));
        return version;
    }

    private String ready(String version, String arch) {
        candidate(version, arch);
        report(TESTER, version, body("suite", "kola", "arch", arch, "vendor", "qemu_uefi", "result", "passed")).statusCode(201);
        decide(RELEASER, version, "approve", "go").statusCode(201).body("releaseState", equalTo("ready"));
        return version;
    }

    private static ValidatableResponse publish(String token, String channel, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/channels/" + channel + "/publications").then();
    }

    private static ValidatableResponse rollback(String channel, Map<String, Object> body) {
        return as(RELEASER).contentType(ContentType.JSON).body(body).post("/api/v1/channels/" + channel + "/rollback").then();
    }

    private static String state(String version) {
        return given().get("/api/v1/releases/" + version).then().extract().path("state");
    }

    @Test
    void publishingMakesTheReleaseCurrentAndSupersedesThePrevious() {
        ready("4790.0.20", "amd64");
        publish(RELEASER, "alpha", body("version", "4790.0.20")).statusCode(200)
                .body("arches.find { it.arch == 'amd64' }.current", equalTo("4790.0.20"));
        ready("4790.0.21", "amd64");

        publish(RELEASER, "alpha", body("version", "4790.0.21")).statusCode(200)
                .body("arches.find { it.arch == 'amd64' }.current", equalTo("4790.0.21"))
                .body("arches.find { it.arch == 'amd64' }.history.action", equalTo(List.of("publish", "publish")))
                .body("arches.find { it.arch == 'amd64' }.history[1].actor", equalTo("releaser"));

        assertThat(state("4790.0.21")).isEqualTo("published");
        assertThat(state("4790.0.20")).isEqualTo("superseded");
        assertThat(Db.outbox(EventCatalog.RELEASE_PUBLISHED.name(), "4790.0.21")).singleElement()
                .satisfies(json -> assertThat(json).contains("\"channel\":\"alpha\"", "\"arches\":[\"amd64\"]"));
    }

    @Test
    void refusesIllegalPublicationsAndChangesNothing() {
        candidate("4790.0.30", "arm64");
        candidates.buildSucceeded(Builds.succeeded("4593.2.30", List.of("arm64"), List.of("qemu_uefi")));
        ready("4790.0.32", "arm64");
        publish(RELEASER, "alpha", body("version", "4790.0.32")).statusCode(200);
        ready("4790.0.31", "arm64");
        List<Integer> before = Db.footprint("4790.0.31");
        int history = Db.count("channel_history", "channel = 'alpha'");

        publish(RELEASER, "alpha", body("version", "4790.0.30")).statusCode(409).body("type", equalTo(PROBLEMS + "release-not-ready"));
        publish(RELEASER, "alpha", body("version", "4593.2.30")).statusCode(422).body("type", equalTo(PROBLEMS + "wrong-channel"));
        publish(RELEASER, "alpha", body("version", "4790.0.31")).statusCode(409)
                .body("type", equalTo(PROBLEMS + "not-newer-than-current"));
        publish(RELEASER, "alpha", body("version", "4790.0.97")).statusCode(404).body("type", equalTo(PROBLEMS + "release-not-found"));
        publish(RELEASER, "gamma", body("version", "4790.0.31")).statusCode(404).body("type", equalTo(PROBLEMS + "channel-not-found"));
        publish(RELEASER, "alpha", body()).statusCode(400).body("type", equalTo(PROBLEMS + "invalid-publication"));
        publish(TESTER, "alpha", body("version", "4790.0.31")).statusCode(403);

        assertThat(Db.footprint("4790.0.31")).isEqualTo(before);
        assertThat(state("4790.0.31")).isEqualTo("ready");
        assertThat(Db.count("channel_history", "channel = 'alpha'")).isEqualTo(history);
    }

    @Test
    void rollbackRepointsToThePreviousReleaseAndReinstatesIt() {
        ready("4790.0.40", "riscv64");
        publish(RELEASER, "alpha", body("version", "4790.0.40")).statusCode(200);
        ready("4790.0.41", "riscv64");
        publish(RELEASER, "alpha", body("version", "4790.0.41")).statusCode(200);

        rollback("alpha", body("arch", "riscv64", "reason", "boot loops on some boards")).statusCode(200)
                .body("arches.find { it.arch == 'riscv64' }.current", equalTo("4790.0.40"))
                .body("arches.find { it.arch == 'riscv64' }.history[2].action", equalTo("rollback"))
                .body("arches.find { it.arch == 'riscv64' }.history[2].reason", equalTo("boot loops on some boards"));

        assertThat(state("4790.0.40")).isEqualTo("published");
        assertThat(state("4790.0.41")).isEqualTo("superseded");
        assertThat(Db.outbox(EventCatalog.RELEASE_ROLLED_BACK.name(), "4790.0.40")).singleElement()
                .satisfies(json -> assertThat(json).contains("\"fromVersion\":\"4790.0.41\"", "\"arch\":\"riscv64\""));
    }

    /** An LTS patch (no soak) on amd64 and arm64 with both suites passed and two approvals. */
    private String readyLts(String version) {
        candidates.buildSucceeded(Builds.succeeded(version, List.of("amd64", "arm64"), List.of("qemu_uefi")));
        for (String arch : List.of("amd64", "arm64")) {
            report(TESTER, version, body("suite", "kola", "arch", arch, "vendor", "qemu_uefi", "result", "passed")).statusCode(201);
            report(TESTER, version, body("suite", "qemu_update", "arch", arch, "result", "passed")).statusCode(201);
        }
        decide(RELEASER, version, "approve", "go").statusCode(201);
        decide(RELEASER2, version, "approve", "go").statusCode(201).body("releaseState", equalTo("ready"));
        return version;
    }

    @Test
    void rollbackWithoutAnArchRollsBackEveryArch() {
        publish(RELEASER, "lts", body("version", readyLts("4081.3.20"))).statusCode(200);
        publish(RELEASER, "lts", body("version", readyLts("4081.3.21"))).statusCode(200);

        // other test classes may have lts releases on arches of their own; those roll back too
        rollback("lts", body("reason", "kernel panic under load")).statusCode(200)
                .body("arches.find { it.arch == 'amd64' }.current", equalTo("4081.3.20"))
                .body("arches.find { it.arch == 'arm64' }.current", equalTo("4081.3.20"));

        assertThat(state("4081.3.21")).isEqualTo("superseded");
        assertThat(state("4081.3.20")).isEqualTo("published");
        assertThat(Db.outbox(EventCatalog.RELEASE_ROLLED_BACK.name(), "4081.3.20")).hasSize(2);
        given().get("/api/v1/releases/4081.3.20").then()
                .body("transitions.to", equalTo(List.of("candidate", "ready", "published", "superseded", "published")));
    }

    @Test
    void rollbackWithoutATargetOrAReasonIsRefused() {
        ready("4790.0.50", "ppc64le");
        publish(RELEASER, "alpha", body("version", "4790.0.50")).statusCode(200);
        int history = Db.count("channel_history", "channel = 'alpha'");

        rollback("alpha", body("arch", "ppc64le", "reason", "bad")).statusCode(409).body("type", equalTo(PROBLEMS + "no-rollback-target"));
        rollback("alpha", body("arch", "ppc64le")).statusCode(400).body("type", equalTo(PROBLEMS + "invalid-rollback"));

        assertThat(Db.count("channel_history", "channel = 'alpha'")).isEqualTo(history);
        assertThat(state("4790.0.50")).isEqualTo("published");
    }
}
