package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.PROBLEMS;
import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Api.RELEASER2;
import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.as;
import static dev.kiln.release.testing.Api.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.kiln.events.BuildFailed;
import dev.kiln.events.BuildSucceeded;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.EventJson;
import dev.kiln.events.PromotionStateChanged;
import dev.kiln.release.testing.Api;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Release requests through the API, against fakes of version-service and build-runner served by the test app. Each
 * test works in a lane (channel and major) of its own, since the database is shared by the tests of this JVM; the one
 * new-major test cancels its request, the new-major lane being one for all.
 */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(PromotionFakesResource.class)
class PromotionApiTest {

    private static final Instant MONTH_AGO = Instant.now().minus(Duration.ofDays(30));

    @Inject
    FakeVersionService versions;

    @Inject
    FakeBuildRunner builds;

    static ValidatableResponse ask(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/promotions").then();
    }

    static ValidatableResponse ask(String token, String key, Object body) {
        return as(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/v1/promotions").then();
    }

    static JsonPath get(String id) {
        return given().get("/api/v1/promotions/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> state.equals(get(id).getString("state")));
        return get(id);
    }

    static String promote(String from, String to) {
        return ask(RELEASER, body("type", "promotion", "from", from, "to", to)).statusCode(201).extract().path("id");
    }

    static List<PromotionStateChanged> events(String id) {
        return EventCatalog.all().stream().filter(t -> t.dataClass() == PromotionStateChanged.class)
                .flatMap(t -> Db.outbox(t.name(), id).stream().map(json -> EventJson.read(json, EventCatalog.PROMOTION_QUEUED)))
                .sorted(java.util.Comparator.comparing(PromotionStateChanged::at)).toList();
    }

    private static BuildSucceeded succeeded(String buildId, String version, String pipeline) {
        return new BuildSucceeded(buildId, pipeline, "beta-" + version, version, "4790.0.0", List.of("amd64", "arm64"),
                List.of("qemu_uefi"), List.of("images/amd64/" + version + "/version.txt"), Instant.now());
    }

    @Test
    void aPromotionGetsItsVersionAndBuildAndBecomesACandidateRequestedByItsReleaser() {
        Seed.published("4701.0.1", MONTH_AGO);

        ValidatableResponse created = ask(RELEASER, body("type", "promotion", "from", "4701.0.1", "to", "beta")).statusCode(201);
        String id = created.extract().path("id");
        created.header("Location", org.hamcrest.Matchers.endsWith("/api/v1/promotions/" + id))
                .body("state", equalTo("versioning"))
                .body("type", equalTo("promotion"))
                .body("channel", equalTo("beta"))
                .body("major", equalTo(4701))
                .body("from", equalTo("4701.0.1"))
                .body("to", equalTo("beta"))
                .body("requestedBy", equalTo("releaser"))
                .body("arches", equalTo(List.of("amd64", "arm64")))
                .body("vendors", equalTo(List.of("qemu_uefi")))
                .body("$", not(org.hamcrest.Matchers.hasKey("buildId")));
        JsonPath building = awaitState(id, "building");

        assertThat(building.getString("version")).isEqualTo("4701.1.0");
        assertThat(versions.requestOf("kiln-promotion-" + id)).hasValueSatisfying(r -> {
            assertThat(r.kind().id()).isEqualTo("promotion");
            assertThat(r.from()).isEqualTo("alpha-4701.0.1");
            assertThat(r.to()).isEqualTo("beta");
        });
        FakeBuildRunner.Build build = builds.byKey("kiln-promotion-" + id).orElseThrow();
        assertThat(build.id()).isEqualTo(building.getString("buildId"));
        assertThat(build.request().pipeline()).isEqualTo("os");
        assertThat(build.request().tag()).isEqualTo("beta-4701.1.0");
        assertThat(build.request().arches()).containsExactly("amd64", "arm64");

        EventWriter.send(succeeded(build.id(), "4701.1.0", "os"));
        JsonPath testing = awaitState(id, "testing");

        assertThat(testing.getList("history.state")).containsExactly("versioning", "building", "testing");
        given().get("/api/v1/releases/4701.1.0").then().statusCode(200).body("requestedBy", equalTo("releaser"))
                .body("buildId", equalTo(build.id()));
        assertThat(events(id)).extracting(PromotionStateChanged::state).containsExactly("versioning", "building", "testing");
        assertThat(events(id).getLast().version()).isEqualTo("4701.1.0");
        assertThat(events(id).getLast().buildId()).isEqualTo(build.id());
    }

    @Test
    void reportsApprovalsAndThePublicationMoveTheRequestAtOnceToAwaitingApprovalAndPublished() {
        Seed.published("4708.0.1", MONTH_AGO);
        String id = promote("4708.0.1", "beta");
        String buildId = awaitState(id, "building").getString("buildId");
        EventWriter.send(succeeded(buildId, "4708.1.0", "os"));
        awaitState(id, "testing");

        for (String arch : List.of("amd64", "arm64")) {
            Api.report(TESTER, "4708.1.0", body("suite", "kola", "arch", arch, "vendor", "qemu_uefi", "result", "passed"))
                    .statusCode(201);
            Api.report(TESTER, "4708.1.0", body("suite", "qemu_update", "arch", arch, "result", "passed")).statusCode(201);
        }
        JsonPath waiting = awaitState(id, "awaiting-approval");
        assertThat(waiting.getString("reason")).isEqualTo("every gate but the approvals holds");

        Api.decide(RELEASER2, "4708.1.0", "approve", "go").statusCode(201).body("releaseState", equalTo("ready"));
        assertThat(get(id).getString("state")).isEqualTo("awaiting-approval");
        as(RELEASER).contentType(ContentType.JSON).body(body("version", "4708.1.0")).post("/api/v1/channels/beta/publications")
                .then().statusCode(200);

        JsonPath published = awaitState(id, "published");
        assertThat(published.getString("reason")).isEqualTo("4708.1.0 was published in beta");
        assertThat(published.getList("history.state")).containsExactly("versioning", "building", "testing", "awaiting-approval",
                "published");
        assertThat(Db.outbox(EventCatalog.PROMOTION_PUBLISHED.name(), id)).hasSize(1);
    }

    @Test
    void aNewMajorIsVersionedAsAlphaAndBuiltWithTheFullPipelineAndCanBeCancelledWhileBuilding() {
        String id = ask(RELEASER, body("type", "new-major", "arches", List.of("amd64"))).statusCode(201)
                .body("channel", equalTo("alpha")).body("$", not(org.hamcrest.Matchers.hasKey("major"))).extract().path("id");
        JsonPath building = awaitState(id, "building");
        String buildId = building.getString("buildId");

        assertThat(building.getString("version")).matches("49\\d\\d\\.0\\.0");
        assertThat(building.getInt("major")).isEqualTo(Integer.parseInt(building.getString("version").split("\\.")[0]));
        assertThat(versions.requestOf("kiln-promotion-" + id).orElseThrow().kind().id()).isEqualTo("alpha");
        assertThat(builds.build(buildId).orElseThrow().request().pipeline()).isEqualTo("full");

        as(RELEASER).contentType(ContentType.JSON).body(body("reason", "wrong kernel config"))
                .post("/api/v1/promotions/" + id + "/cancel").then().statusCode(200)
                .body("state", equalTo("cancelled")).body("reason", equalTo("wrong kernel config"));

        await().atMost(Duration.ofSeconds(60)).until(() -> builds.cancels().contains(buildId));
        assertThat(builds.build(buildId).orElseThrow().state()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count("promotion_request", "id = ? and build_stopped", id) == 1);
        as(RELEASER).contentType(ContentType.JSON).body(body("reason", "again")).post("/api/v1/promotions/" + id + "/cancel")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "promotion-finished"));
        assertThat(builds.cancels()).containsOnlyOnce(buildId);
    }

    @Test
    void aSecondRequestOfALaneQueuesVisiblyAndProceedsWhenTheFirstFinishes() {
        Seed.published("4702.0.1", MONTH_AGO);
        String first = promote("4702.0.1", "beta");
        awaitState(first, "building");

        String second = ask(RELEASER2, body("type", "promotion", "from", "4702.0.1", "to", "beta", "arches", List.of("arm64")))
                .statusCode(201).body("state", equalTo("queued")).body("queuedBehind", equalTo(first)).extract().path("id");
        given().get("/api/v1/promotions?state=queued&channel=beta").then().statusCode(200)
                .body("items.id", hasItem(second));
        assertThat(builds.byKey("kiln-promotion-" + second)).isEmpty();

        as(RELEASER).contentType(ContentType.JSON).body(body("reason", "wrong arches")).post("/api/v1/promotions/" + first + "/cancel")
                .then().statusCode(200);

        JsonPath proceeding = awaitState(second, "building");
        assertThat(proceeding.getList("history.state")).containsExactly("queued", "versioning", "building");
        assertThat(proceeding.getString("queuedBehind")).isNull();
        assertThat(builds.byKey("kiln-promotion-" + second).orElseThrow().request().arches()).containsExactly("arm64");
    }

    @Test
    void aFailedBuildFailsTheRequestWithItsReasonOnceHoweverOftenItIsAnnounced() {
        Seed.published("4703.2.4", MONTH_AGO);
        String id = ask(RELEASER, body("type", "patch", "channel", "stable", "major", 4703)).statusCode(201).extract().path("id");
        String buildId = awaitState(id, "building").getString("buildId");
        assertThat(versions.requestOf("kiln-promotion-" + id).orElseThrow().from()).isEqualTo("stable-4703.2.4");
        BuildFailed failed = new BuildFailed(buildId, "os", "stable-4703.2.5", "4703.2.5", List.of("image-arm64"),
                "1 step run(s) failed: image-arm64", Instant.now());

        EventWriter.send(failed);
        EventWriter.send(failed);
        JsonPath result = awaitState(id, "failed");

        assertThat(result.getString("reason")).isEqualTo("build " + buildId + " failed: 1 step run(s) failed: image-arm64");
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count("kiln_inbox", "event_type = ?",
                EventCatalog.BUILD_FAILED.name()) >= 2);
        assertThat(Db.outbox(EventCatalog.PROMOTION_FAILED.name(), id)).hasSize(1);
        assertThat(get(id).getList("history.state")).containsExactly("versioning", "building", "failed");
    }

    @Test
    void refusesIllegalRequestsWithTheRulesSlugsAndStoresNothing() {
        Seed.published("4704.0.1", MONTH_AGO);
        Seed.published("4704.2.3", MONTH_AGO);
        Seed.published("4704.1.2", MONTH_AGO);
        Seed.published("4705.0.2", Instant.now().minus(Duration.ofDays(2)));
        int requests = Db.count("promotion_request", "true");

        ask(RELEASER, body("type", "promotion", "from", "4704.0.1", "to", "stable")).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "promotion-skips-channel"));
        ask(RELEASER, body("type", "promotion", "from", "4704.2.3", "to", "beta")).statusCode(422)
                .body("type", equalTo(PROBLEMS + "promotion-not-forward"));
        ask(RELEASER, body("type", "promotion", "from", "4704.0.9", "to", "beta")).statusCode(404)
                .body("type", equalTo(PROBLEMS + "unknown-release"));
        ask(RELEASER, body("type", "promotion", "from", "4705.0.2", "to", "beta")).statusCode(422)
                .body("type", equalTo(PROBLEMS + "soak-not-met"));
        ask(RELEASER, body("type", "promotion", "from", "4704.0.1", "to", "beta")).statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-promoted")).body("detail", org.hamcrest.Matchers.containsString("patch"));
        ask(RELEASER, body("type", "patch", "channel", "lts", "major", 4704)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "nothing-to-patch"));
        ask(RELEASER, body("type", "promotion", "from", "4799.0.0+nightly-20260821-2100", "to", "beta")).statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-promotion-source"));
        ask(TESTER, body("type", "new-major")).statusCode(403);
        given().contentType(ContentType.JSON).body(body("type", "new-major")).post("/api/v1/promotions").then().statusCode(401);

        assertThat(Db.count("promotion_request", "true")).isEqualTo(requests);
        assertThat(Db.count("kiln_outbox", "event_type like 'dev.kiln.promotion.%' and payload like '%4704%'")).isZero();
    }

    @Test
    void refusesHostileBodiesAsProblemsAndStoresNothing() {
        int requests = Db.count("promotion_request", "true");
        List<Object> bodies = List.of(
                body(),
                body("type", "rollback"),
                body("type", "promotion", "from", "4790.0.1"),
                body("type", "promotion", "from", "not-a-version", "to", "beta"),
                body("type", "promotion", "from", "4790.0.1", "to", "gamma"),
                body("type", "patch", "channel", "stable"),
                body("type", "patch", "channel", "stable", "major", -4593),
                body("type", "patch", "channel", "stable", "major", "4593"),
                body("type", "new-major", "from", "4790.0.1"),
                body("type", "new-major", "arches", List.of("riscv64")),
                body("type", "new-major", "arches", List.of("amd64", "amd64")),
                body("type", "new-major", "arches", List.of()),
                body("type", "new-major", "arches", "amd64"),
                body("type", "new-major", "vendors", List.of("../../etc")),
                body("type", "new-major", "vendors", List.of(7)),
                body("type", "new-major", "frm", "4790.0.1"),
                body("type", List.of("new-major")),
                body("type", "x".repeat(10_000)),
                List.of(body("type", "new-major")));

        for (Object hostile : bodies) {
            var response = as(RELEASER).contentType(ContentType.JSON).body(hostile).post("/api/v1/promotions");
            String what = hostile.toString().length() > 80 ? hostile.toString().substring(0, 80) : hostile.toString();
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("type")).as(what).isEqualTo(PROBLEMS + "invalid-promotion-request");
        }
        as(RELEASER).contentType(ContentType.JSON).body("{\"type\":").post("/api/v1/promotions").then().statusCode(400)
                .contentType("application/problem+json");
        as(RELEASER).contentType(ContentType.JSON).body("{\"type\":\"new-major\"} trailing").post("/api/v1/promotions").then()
                .statusCode(400);

        assertThat(Db.count("promotion_request", "true")).isEqualTo(requests);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndAnotherBodyIsRefused() {
        Seed.published("4706.0.1", MONTH_AGO);
        Map<String, Object> request = body("type", "promotion", "from", "4706.0.1", "to", "beta");

        ValidatableResponse first = ask(RELEASER, "promote-4706-beta", request).statusCode(201);
        String id = first.extract().path("id");
        String firstBody = first.extract().asString();

        ask(RELEASER, "promote-4706-beta", request).statusCode(200).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/promotions/" + id))
                .body("id", equalTo(id)).body("state", equalTo("versioning"));
        assertThat(ask(RELEASER, "promote-4706-beta", request).extract().asString()).isEqualTo(firstBody);
        ask(RELEASER, "promote-4706-beta", body("type", "promotion", "from", "4706.0.1", "to", "beta", "arches", List.of("amd64")))
                .statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        ask(RELEASER, "bad key with spaces", request).statusCode(400).body("type", equalTo(PROBLEMS + "invalid-idempotency-key"));

        assertThat(Db.count("promotion_request", "source_version = '4706.0.1'")).isEqualTo(1);
        awaitState(id, "building");
        assertThat(builds.byKey("kiln-promotion-" + id)).isPresent();
    }

    @Test
    void readsAreListedNewestFirstFilteredAndPagedAndUnknownsAreProblems() {
        Seed.published("4707.0.1", MONTH_AGO);
        Seed.published("4707.2.1", MONTH_AGO);
        String older = ask(RELEASER, body("type", "patch", "channel", "alpha", "major", 4707)).statusCode(201).extract().path("id");
        String newer = ask(RELEASER, body("type", "patch", "channel", "stable", "major", 4707)).statusCode(201).extract().path("id");

        List<String> all = given().get("/api/v1/promotions?size=500").then().statusCode(200).extract().path("items.id");
        assertThat(all.indexOf(newer)).isLessThan(all.indexOf(older));
        given().get("/api/v1/promotions?channel=stable&size=500").then().statusCode(200)
                .body("items.id", hasItem(newer)).body("items.id", not(hasItem(older)))
                .body("items.channel", not(hasItem("alpha")));
        given().get("/api/v1/promotions?page=0&size=1").then().statusCode(200).body("size", equalTo(1)).body("page", equalTo(0))
                .body("items.size()", equalTo(1));
        given().get("/api/v1/promotions?state=ready").then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-filter"));
        given().get("/api/v1/promotions?channel=gamma").then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-filter"));
        given().get("/api/v1/promotions?size=-1").then().statusCode(400);
        given().get("/api/v1/promotions/pr-doesnotexist").then().statusCode(404).body("type", equalTo(PROBLEMS + "promotion-not-found"));
        as(RELEASER).contentType(ContentType.JSON).body(body("reason", "x")).post("/api/v1/promotions/pr-doesnotexist/cancel")
                .then().statusCode(404);
        as(TESTER).contentType(ContentType.JSON).body(body("reason", "x")).post("/api/v1/promotions/" + newer + "/cancel")
                .then().statusCode(403);
        as(RELEASER).contentType(ContentType.JSON).body(body("reason", "y".repeat(2001)))
                .post("/api/v1/promotions/" + newer + "/cancel").then().statusCode(400);
        given().get("/api/v1/promotions/" + newer).then().body("history[0].actor", equalTo("releaser"))
                .body("history[0].at", matchesPattern("\\d{4}-.*Z")).body("createdAt", not(nullValue()));
    }
}
