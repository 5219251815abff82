package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.body;
import static dev.kiln.release.testing.Api.report;
import static dev.kiln.release.testing.Releasing.candidate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.events.EventCatalog;
import dev.kiln.flatcar.Version;
import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Db;
import dev.kiln.release.testing.FakeChannelStorage;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A policy with autoPublish and autoRollback on alpha (src/test/resources/auto-policy.yaml). */
@QuarkusTest
@TestProfile(AutoPolicyTest.AutoPolicy.class)
@QuarkusTestResource(KilnServicesResource.class)
class AutoPolicyTest {

    public static class AutoPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kiln.release.policy", "src/test/resources/auto-policy.yaml");
        }
    }

    @Inject
    Candidates candidates;

    @Inject
    FakeChannelStorage storage;

    private static String state(String version) {
        return given().get("/api/v1/releases/" + version).then().extract().path("state");
    }

    private void passKola(String version, String arch) {
        report(TESTER, version, body("suite", "kola", "arch", arch, "vendor", "qemu_uefi", "result", "passed")).statusCode(201);
    }

    @Test
    void autoPublishPublishesAsSoonAsTheGatesHold() {
        candidate(candidates, "4795.0.180", List.of("csky"));

        passKola("4795.0.180", "csky");

        await().atMost(Duration.ofSeconds(60)).until(() -> "published".equals(state("4795.0.180")));
        assertThat(storage.pointer("alpha", "csky", "current")).contains(Version.parse("4795.0.180"));
        assertThat(Db.outbox(EventCatalog.RELEASE_PUBLISHED.name(), "4795.0.180")).hasSize(1);
    }

    @Test
    void autoRollbackRollsTheChannelBackWhenAPublishedGateIsRevoked() {
        candidate(candidates, "4795.0.190", List.of("arc"));
        passKola("4795.0.190", "arc");
        await().atMost(Duration.ofSeconds(60)).until(() -> "published".equals(state("4795.0.190")));
        candidate(candidates, "4795.0.191", List.of("arc"));
        passKola("4795.0.191", "arc");
        await().atMost(Duration.ofSeconds(60)).until(() -> "published".equals(state("4795.0.191")));

        report(TESTER, "4795.0.191", body("suite", "kola", "arch", "arc", "vendor", "qemu_uefi", "result", "failed", "attempt", 2))
                .statusCode(201);

        await().atMost(Duration.ofSeconds(60)).until(() -> "published".equals(state("4795.0.190")));
        assertThat(state("4795.0.191")).isEqualTo("superseded");
        assertThat(storage.pointer("alpha", "arc", "current")).contains(Version.parse("4795.0.190"));
        assertThat(Db.outbox(EventCatalog.RELEASE_GATE_REVOKED.name(), "4795.0.191")).hasSize(1);
        assertThat(Db.outbox(EventCatalog.RELEASE_ROLLED_BACK.name(), "4795.0.190")).hasSize(1);
        given().get("/api/v1/releases/4795.0.191").then().body("atRisk", org.hamcrest.Matchers.equalTo(true));
    }
}
