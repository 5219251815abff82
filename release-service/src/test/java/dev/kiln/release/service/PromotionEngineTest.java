package dev.kiln.release.service;

import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Api.as;
import static dev.kiln.release.testing.Api.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.release.domain.promotion.RequestState;
import dev.kiln.release.jobs.PromotionSweeper;
import dev.kiln.release.testing.Db;
import dev.kiln.release.testing.FakeBuildRunner;
import dev.kiln.release.testing.FakeVersionService;
import dev.kiln.release.testing.PromotionFakesResource;
import dev.kiln.release.testing.Seed;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine decides from stored state only: a pass over a request left mid-way by a crashed or restarted service
 * continues it with the same idempotent calls, so no second version or build comes of it; a service that is down
 * only delays the request until a later pass.
 */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(PromotionFakesResource.class)
class PromotionEngineTest {

    private static final Instant MONTH_AGO = Instant.now().minus(Duration.ofDays(30));

    @Inject
    FakeVersionService versions;

    @Inject
    FakeBuildRunner builds;

    @Inject
    PromotionEngine engine;

    @Inject
    PromotionSweeper sweeper;

    @AfterEach
    void heal() {
        versions.heal();
    }

    private static String promote(String from) {
        return as(RELEASER).contentType(ContentType.JSON).body(body("type", "promotion", "from", from, "to", "beta"))
                .post("/api/v1/promotions").then().statusCode(201).extract().path("id");
    }

    private static String state(String id) {
        return given().get("/api/v1/promotions/" + id).then().extract().path("state");
    }

    private static void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> state.equals(state(id)));
    }

    @Test
    void aFreshPassOverARequestThatIsBuildingStartsNothingAgain() {
        Seed.published("4711.0.1", MONTH_AGO);
        String id = promote("4711.0.1");
        awaitState(id, "building");
        int allocations = versions.calls();
        int posts = builds.posts();

        assertThat(engine.advance(id)).contains(RequestState.BUILDING);
        sweeper.sweep();

        assertThat(versions.calls()).isEqualTo(allocations);
        assertThat(builds.posts()).isEqualTo(posts);
        assertThat(state(id)).isEqualTo("building");
    }

    @Test
    void aRestartBetweenStartingTheBuildAndStoringItsIdContinuesWithTheSameBuild() {
        Seed.published("4712.0.1", MONTH_AGO);
        String id = promote("4712.0.1");
        awaitState(id, "building");
        String buildId = given().get("/api/v1/promotions/" + id).then().extract().path("buildId");
        int started = builds.started();
        int allocations = versions.allocations();
        // what the database holds when the service died after build-runner answered, before the answer was stored
        Db.execute("update release_service.promotion_request set state = 'versioning', build_id = null where id = ?", id);
        Db.execute("delete from release_service.promotion_history where request_id = ? and state = 'building'", id);

        engine.advance(id);

        assertThat(state(id)).isEqualTo("building");
        assertThat(given().get("/api/v1/promotions/" + id).then().extract().<String>path("buildId")).isEqualTo(buildId);
        assertThat(builds.started()).isEqualTo(started);
        assertThat(versions.allocations()).isEqualTo(allocations);
        assertThat(Db.count("promotion_history", "request_id = ? and state = 'building'", id)).isEqualTo(1);
    }

    @Test
    void aVersionServiceThatAnswers503OnlyDelaysTheRequestUntilALaterPass() {
        Seed.published("4713.0.1", MONTH_AGO);
        versions.beUnavailable();
        int before = versions.calls();

        String id = promote("4713.0.1");
        await().atMost(Duration.ofSeconds(60)).until(() -> versions.calls() >= before + 3);
        engine.advance(id);

        assertThat(state(id)).isEqualTo("versioning");
        assertThat(builds.byKey("kiln-promotion-" + id)).isEmpty();

        versions.heal();
        sweeper.sweep();

        assertThat(state(id)).isEqualTo("building");
        assertThat(versions.allocations()).isPositive();
        assertThat(builds.byKey("kiln-promotion-" + id)).isPresent();
    }

    @Test
    void aVersionServiceThatRefusesTheRequestFailsItWithTheProblem() {
        Seed.published("4714.0.1", MONTH_AGO);
        versions.refuse("tag-conflict");

        String id = promote("4714.0.1");
        awaitState(id, "failed");

        assertThat(given().get("/api/v1/promotions/" + id).then().extract().<String>path("reason"))
                .startsWith("version-service refused:").contains("409").contains("tag-conflict");
    }

    @Test
    void aBuildWhoseEndWasMissedIsLearntFromBuildRunnerByTheSweep() {
        Seed.published("4715.0.1", MONTH_AGO);
        String id = promote("4715.0.1");
        awaitState(id, "building");
        String buildId = given().get("/api/v1/promotions/" + id).then().extract().path("buildId");

        builds.finish(buildId, "failed", "1 step run(s) failed: vms-amd64-qemu_uefi");
        sweeper.sweep();

        assertThat(state(id)).isEqualTo("failed");
        assertThat(given().get("/api/v1/promotions/" + id).then().extract().<String>path("reason"))
                .isEqualTo("build " + buildId + " failed: 1 step run(s) failed: vms-amd64-qemu_uefi");
    }

    @Test
    void cancellingARequestWhoseBuildAlreadyEndedInBuildRunnerConverges() {
        Seed.published("4716.0.1", MONTH_AGO);
        String id = promote("4716.0.1");
        awaitState(id, "building");
        String buildId = given().get("/api/v1/promotions/" + id).then().extract().path("buildId");
        builds.finish(buildId, "succeeded", null);

        as(RELEASER).contentType(ContentType.JSON).body(body("reason", "not needed any more"))
                .post("/api/v1/promotions/" + id + "/cancel").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count("promotion_request", "id = ? and build_stopped", id) == 1);
        assertThat(builds.cancels()).contains(buildId);
        assertThat(builds.build(buildId).orElseThrow().state()).isEqualTo("succeeded");
        assertThat(state(id)).isEqualTo("cancelled");
    }
}
