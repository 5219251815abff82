package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.PROBLEMS;
import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.as;
import static dev.kiln.release.testing.Releasing.candidate;
import static dev.kiln.release.testing.Releasing.publish;
import static dev.kiln.release.testing.Releasing.ready;
import static dev.kiln.release.testing.Releasing.withdraw;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.kiln.events.EventCatalog;
import dev.kiln.flatcar.Version;
import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Db;
import dev.kiln.release.testing.FakeChannelStorage;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Withdrawing a published release: rolled back where current, 410 in artifact-service, out of the feeds, an event. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class WithdrawApiTest {

    @Inject
    Candidates candidates;

    @Inject
    FakeChannelStorage storage;

    @Test
    void withdrawingTheCurrentReleaseRollsBackAndTakesItOutOfTheFeeds() {
        publish("alpha", ready(candidates, "4795.0.100", List.of("ia64"))).statusCode(200);
        publish("alpha", ready(candidates, "4795.0.101", List.of("ia64"))).statusCode(200);

        withdraw(RELEASER, "4795.0.101", "CVE-2026-1234 in the kernel").statusCode(200)
                .body("state", equalTo("withdrawn"))
                .body("transitions[-1].reason", equalTo("CVE-2026-1234 in the kernel"));

        assertThat(storage.pointer("alpha", "ia64", "current")).contains(Version.parse("4795.0.100"));
        assertThat(storage.isWithdrawn("alpha", "ia64", "4795.0.101")).isTrue();
        given().get("/api/v1/releases/4795.0.100").then().body("state", equalTo("published"));
        given().get("/api/v1/releases.json").then().body("$", not(hasKey("4795.0.101"))).body("$", hasKey("4795.0.100"));
        assertThat(storage.file("releases/releases.json")).get().asString().doesNotContain("\"4795.0.101\"");
        given().get("/api/v1/channels/alpha").then()
                .body("arches.find { it.arch == 'ia64' }.history[-1].action", equalTo("withdraw"))
                .body("arches.find { it.arch == 'ia64' }.current", equalTo("4795.0.100"));
        assertThat(Db.outbox(EventCatalog.RELEASE_WITHDRAWN.name(), "4795.0.101")).singleElement()
                .satisfies(json -> assertThat(json).contains("\"currentAfter\":{\"ia64\":\"4795.0.100\"}", "\"withdrawnBy\":\"releaser\""));
    }

    @Test
    void refusesHostileWithdrawalsAndChangesNothing() {
        publish("alpha", ready(candidates, "4795.0.110", List.of("avr32"))).statusCode(200);
        candidate(candidates, "4795.0.111", List.of("avr32"));
        List<Integer> before = Db.footprint("4795.0.110");

        withdraw(RELEASER, "4795.0.110", " ").statusCode(400).body("type", equalTo(PROBLEMS + "invalid-withdrawal"));
        as(RELEASER).contentType(ContentType.JSON).body("{}").post("/api/v1/releases/4795.0.110/withdraw").then()
                .statusCode(400).body("type", equalTo(PROBLEMS + "invalid-withdrawal"));
        withdraw(RELEASER, "4795.0.999", "bad").statusCode(404).body("type", equalTo(PROBLEMS + "release-not-found"));
        withdraw(RELEASER, "not-a-version", "bad").statusCode(404).body("type", equalTo(PROBLEMS + "release-not-found"));
        withdraw(RELEASER, "4795.0.111", "bad").statusCode(409).body("type", equalTo(PROBLEMS + "release-not-published"));
        withdraw(TESTER, "4795.0.110", "bad").statusCode(403);

        assertThat(Db.footprint("4795.0.110")).isEqualTo(before);
        assertThat(storage.isWithdrawn("alpha", "avr32", "4795.0.110")).isFalse();
        assertThat(storage.pointer("alpha", "avr32", "current")).contains(Version.parse("4795.0.110"));
    }

    @Test
    void aSecondWithdrawalIsGoneAndChangesNothing() {
        publish("alpha", ready(candidates, "4795.0.120", List.of("sh4"))).statusCode(200);
        withdraw(RELEASER, "4795.0.120", "boot loops on some boards").statusCode(200);
        List<Integer> before = Db.footprint("4795.0.120");

        withdraw(RELEASER, "4795.0.120", "again").statusCode(410).body("type", equalTo(PROBLEMS + "release-withdrawn"));

        assertThat(Db.footprint("4795.0.120")).isEqualTo(before);
        assertThat(storage.pointer("alpha", "sh4", "current")).isEmpty();
        assertThat(Db.outbox(EventCatalog.RELEASE_WITHDRAWN.name(), "4795.0.120")).hasSize(1)
                .singleElement().satisfies(json -> assertThat(json).contains("\"currentAfter\":{\"sh4\":null}"));
    }
}
