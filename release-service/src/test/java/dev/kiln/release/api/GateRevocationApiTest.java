package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.body;
import static dev.kiln.release.testing.Api.report;
import static dev.kiln.release.testing.Releasing.publish;
import static dev.kiln.release.testing.Releasing.ready;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.events.EventCatalog;
import dev.kiln.flatcar.Version;
import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Db;
import dev.kiln.release.testing.FakeChannelStorage;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Under the default policy (no autoRollback) a revoked gate of a published release marks it at risk and says so. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class GateRevocationApiTest {

    @Inject
    Candidates candidates;

    @Inject
    FakeChannelStorage storage;

    @Test
    void aFailingRerunAfterPublishingMarksTheReleaseAtRiskAndKeepsItCurrent() {
        publish("alpha", ready(candidates, "4795.0.170", List.of("microblaze"))).statusCode(200);
        given().get("/api/v1/releases/4795.0.170").then().body("atRisk", equalTo(false));

        report(TESTER, "4795.0.170", body("suite", "kola", "arch", "microblaze", "vendor", "qemu_uefi", "result", "failed",
                "attempt", 3)).statusCode(201);
        report(TESTER, "4795.0.170", body("suite", "kola", "arch", "microblaze", "vendor", "qemu_uefi", "result", "failed",
                "attempt", 4)).statusCode(201);

        given().get("/api/v1/releases/4795.0.170").then().body("state", equalTo("published")).body("atRisk", equalTo(true));
        given().get("/api/v1/releases?channel=alpha&state=published&size=100").then()
                .body("items.find { it.version == '4795.0.170' }.atRisk", equalTo(true));
        assertThat(Db.outbox(EventCatalog.RELEASE_GATE_REVOKED.name(), "4795.0.170")).singleElement()
                .satisfies(json -> assertThat(json).contains("kola on microblaze/qemu_uefi: revoked"));
        assertThat(storage.pointer("alpha", "microblaze", "current")).contains(Version.parse("4795.0.170"));
        assertThat(Db.outbox(EventCatalog.RELEASE_ROLLED_BACK.name(), "4795.0.170")).isEmpty();
    }
}
