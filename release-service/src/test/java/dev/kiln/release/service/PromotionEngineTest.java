package dev.kiln.release.service;

import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Api.as;
import static dev.kiln.release.testing.Api.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.events.BuildSucceeded;
import dev.kiln.events.EventCatalog;
import dev.kiln.release.domain.promotion.RequestState;
import dev.kiln.release.jobs.PromotionSweeper;
import dev.kiln.release.testing.Builds;
import dev.kiln.release.testing.Db;
import dev.kiln.release.testing.EventWriter;
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
import java.util.List;
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
        // the sweep asks build-runner once the event is overdue (kiln.release.build-event-wait, 2 s in tests)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            sweeper.sweep();
            return "failed".equals(state(id));
        });

        assertThat(given().get("/api/v1/promotions/" + id).then().extract().<String>path("reason"))
                .isEqualTo("build " + buildId + " failed: 1 step run(s) failed: vms-amd64-qemu_uefi");
    }

    @Test
    void aLostBuildSucceededEventStillMakesTheCandidateFromBuildRunnersAnswerAndTheLateEventChangesNothing() {
        Seed.published("4717.0.1", MONTH_AGO);
        String id = promote("4717.0.1");
        awaitState(id, "building");
        String buildId = given().get("/api/v1/promotions/" + id).then().extract().path("buildId");
        int readsBefore = builds.gets();

        // the build succeeds in build-runner; its build.succeeded event is lost
        builds.succeed(buildId, "4717.0.0", Builds.COMMIT, Builds.OS_DIGEST, Builds.PARAMS);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            sweeper.sweep();
            return "testing".equals(state(id));
        });

        assertThat(builds.gets()).isGreaterThan(readsBefore);
        given().get("/api/v1/releases/4717.1.0").then().statusCode(200).body("state", equalTo("candidate"))
                .body("buildId", equalTo(buildId)).body("commit", equalTo(Builds.COMMIT));
        given().get("/api/v1/releases/4717.1.0/manifest").then().statusCode(200)
                .body("inputs.pipeline", equalTo("os")).body("inputs.pipelineDigest", equalTo(Builds.OS_DIGEST))
                .body("inputs.params", equalTo(Builds.PARAMS)).body("inputs.sdkVersion", equalTo("4717.0.0"));
        assertThat(Db.outbox(EventCatalog.RELEASE_CANDIDATE.name(), "4717.1.0")).hasSize(1);

        // then the event arrives after all
        String late = EventWriter.send(new BuildSucceeded(buildId, "os", "beta-4717.1.0", "4717.1.0", "4717.0.0",
                List.of("amd64", "arm64"), List.of(), List.of("images/amd64/4717.1.0/version.txt"), Instant.now(),
                "flatcar-4717", Builds.COMMIT, Builds.OS_DIGEST, Builds.PARAMS));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count("kiln_inbox", "event_id = ?", late) == 1);
        sweeper.sweep();

        assertThat(Db.outbox(EventCatalog.RELEASE_CANDIDATE.name(), "4717.1.0")).hasSize(1);
        assertThat(Db.count("release_transition", "version = ?", "4717.1.0")).isEqualTo(1);
        assertThat(Db.count("promotion_history", "request_id = ?", id)).isEqualTo(3);
        assertThat(state(id)).isEqualTo("testing");
    }

    @Test
    void aBuildStillRunningAfterTheWaitLeavesTheRequestBuilding() {
        Seed.published("4718.0.1", MONTH_AGO);
        String id = promote("4718.0.1");
        awaitState(id, "building");
        int readsBefore = builds.gets();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            sweeper.sweep();
            return builds.gets() > readsBefore;
        });

        assertThat(state(id)).isEqualTo("building");
        assertThat(Db.count("release", "version = ?", "4718.1.0")).isZero();
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
