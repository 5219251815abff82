package dev.kiln.artifact.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.artifact.support.CacheHttp;
import dev.kiln.artifact.support.Database;
import dev.kiln.artifact.support.EventWriter;
import dev.kiln.artifact.support.FakeVersionService;
import dev.kiln.artifact.support.S3Direct;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.ReleasePublished;
import dev.kiln.testing.EventReader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Garbage collection against the real S3 server, PostgreSQL, Kafka and a fake version-service. */
@QuarkusTest
class GarbageCollectionTest {

    private static final String ADMIN = "test-admin-token";

    @TestHTTPResource("/")
    URI base;

    private final String id = UUID.randomUUID().toString().substring(0, 6);
    private final Instant now = Instant.now();

    @BeforeEach
    void forgetEverythingKnown() {
        Database.execute("delete from gc_run");
        Database.execute("delete from known_version");
        Database.execute("delete from replica_sync");
        Database.execute("delete from published_release");
    }

    @Test
    void aRunRemovesExactlyThePlannedObjectsAndLeavesTheRest() {
        String fresh = "main-4901.0.0-nightly-" + id;
        String aged = "main-4890.0.0-nightly-" + id;
        String older = "alpha-4880.0.0-nightly-" + id;
        String patchNightly = "stable-4870.2.2-nightly-" + id;
        FakeVersionService.reset(List.of(version(fresh, 1), version(patchNightly, 2), version(aged, 30),
                version(older, 40), version("stable-4870.2.0-pro", 60), official("stable-4870.2.1", 50),
                official("stable-4870.2.0", 70)));
        publish("4870.2.1", 50);
        publish("4870.2.0", 70);
        String v = "4890.0.0+nightly-" + id;
        String dv = "4890.0.0-nightly-" + id;
        store("images/amd64/4901.0.0+nightly-" + id + "/flatcar_production_image.bin.bz2",
                "images/amd64/" + v + "/flatcar_production_image.bin.bz2",
                "boards/amd64-usr/" + v + "/pkgs/Packages",
                "containers/" + dv + "/flatcar-packages-amd64-" + dv + ".tar.zst",
                "containers/" + dv + "/README.txt",
                "testing/" + v + "/amd64/qemu/results-qemu.tap",
                "build-logs/" + v + "/packages-amd64-logs.tar.xz",
                "images/amd64/4860.0.0+nightly-orphan-" + id + "/flatcar_production_image.bin.bz2",
                "images/amd64/4870.2.1/version.txt",
                "images/amd64/4870.2.0/version.txt",
                "images/amd64/4870.2.2/version.txt");
        S3Direct.put("sdk/amd64/4880.0.0+nightly-" + id + "/flatcar-sdk-amd64.tar.bz2", new byte[] {1});
        Map<String, Object> settings = Map.of("keep", 1, "minAgeDays", 14, "keepPerChannel", 1);

        JsonPath plan = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(settings)
                .post("/api/v1/gc/plan").then().statusCode(200).extract().jsonPath();
        TreeSet<String> before = S3Direct.keys("");
        try (EventReader deletions = new EventReader("kiln.artifacts")) {
            String runId = startRun(settings, "gc-" + id);
            JsonPath run = awaitFinished(runId);

            assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
            assertThat(decisions(run.getList("items.decision"))).isEqualTo(decisions(plan.getList("decisions")));
            Set<String> planned = underAny(before, purgePrefixes(plan));
            assertThat(S3Direct.keys("")).isEqualTo(difference(before, planned));
            assertThat(deletions.await(e -> e.is(EventCatalog.ARTIFACT_DELETED), planned.size(), Duration.ofSeconds(60))
                    .stream().map(e -> e.dataAs(EventCatalog.ARTIFACT_DELETED).path()).collect(Collectors.toSet()))
                    .containsAll(planned);
        }
        assertThat(codes(plan)).containsAllEntriesOf(Map.of(
                "dev-build " + fresh, "dev.newest", "dev-build " + patchNightly, "dev.young",
                "dev-build " + aged, "dev.expired", "dev-build " + older, "dev.expired",
                "dev-build stable-4870.2.0-pro", "dev.pro", "dev-build stable-4870.2.1", "dev.official",
                "orphan containers/" + dv + "/", "orphan.untagged",
                "orphan images/amd64/4860.0.0+nightly-orphan-" + id + "/", "orphan.untagged",
                "release-copy images/amd64/4870.2.0/", "release.expired",
                "release-copy images/amd64/4870.2.2/", "release.patch"));
        assertThat(codes(plan)).containsEntry("release-copy images/amd64/4870.2.1/", "release.kept")
                .containsEntry("orphan images/amd64/4870.2.2/", "orphan.tagged");
        assertThat(S3Direct.keys("images/amd64/4901.0.0+nightly-" + id + "/")).hasSize(2);
        assertThat(S3Direct.keys("images/amd64/4870.2.1/")).isNotEmpty();
        assertThat(S3Direct.keys("images/amd64/4870.2.2/")).isNotEmpty();
        assertThat(FakeVersionService.deleted()).containsExactly(aged, older);
        assertThat(FakeVersionService.authorizations()).allMatch(a -> a.equals("Bearer " + FakeVersionService.SERVICE_TOKEN));
        assertThat(Database.column("select tag from known_version")).doesNotContain(aged, older).contains(fresh);
        assertThat(Database.column("select path from artifact where path like ?", "%" + v + "%")).isEmpty();
    }

    @Test
    void aPurgeThatFailsHalfWayIsResumedByTheNextRun() {
        String stuck = "main-4950.0.0-nightly-" + id;
        FakeVersionService.reset(List.of(version(stuck, 30), version("main-4951.0.0-nightly-" + id, 1)));
        String directory = "images/amd64/4950.0.0+nightly-" + id + "/";
        store(directory + "flatcar_production_image.bin.bz2");
        FakeVersionService.failNextDeletes(3);
        Map<String, Object> settings = Map.of("keep", 1);

        JsonPath first = awaitFinished(startRun(settings, null));

        assertThat(first.getString("status")).isEqualTo("failed");
        assertThat(item(first, stuck).getString("status")).isEqualTo("failed");
        assertThat(item(first, stuck).getString("error")).contains("version-service");
        assertThat(S3Direct.keys(directory)).isEmpty();
        assertThat(FakeVersionService.deleted()).isEmpty();

        JsonPath second = awaitFinished(startRun(settings, null));

        assertThat(second.getString("status")).isEqualTo("succeeded");
        assertThat(item(second, stuck).getString("status")).isEqualTo("done");
        assertThat(item(second, stuck).getList("decision.prefixes")).isEmpty();
        assertThat(FakeVersionService.deleted()).containsExactly(stuck);
    }

    @Test
    void allowsOneRunAtATimeUnlessTheOtherStoppedMakingProgress() {
        FakeVersionService.reset(List.of());
        Database.execute("""
                insert into gc_run (id, trigger, status, settings, started_at, heartbeat_at)
                values ('stuck-run', 'SCHEDULED', 'RUNNING', '{"keep":50,"minAgeDays":14,"keepPerChannel":10,\
                "keepLtsMajors":2,"arches":["amd64"],"purgeTags":[]}', now(), now())""");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).post("/api/v1/gc/runs").then().statusCode(409)
                .body("type", equalTo("https://kiln.dev/problems/gc-run-in-progress"));

        Database.execute("update gc_run set heartbeat_at = now() - interval '1 hour' where id = 'stuck-run'");
        awaitFinished(startRun(Map.of(), null));
        given().get("/api/v1/gc/runs/stuck-run").then().body("status", equalTo("failed"))
                .body("error", org.hamcrest.Matchers.startsWith("abandoned"));
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyStartsOneRun() {
        FakeVersionService.reset(List.of());

        String first = startRun(Map.of(), "same-" + id);
        awaitFinished(first);
        String second = startRun(Map.of(), "same-" + id);

        assertThat(second).isEqualTo(first);
        given().get("/api/v1/gc/runs").then().body("total", equalTo(1)).body("items[0].id", equalTo(first));
    }

    @Test
    void plansAndRunsAreForAdminsAndValidated() {
        given().contentType(ContentType.JSON).post("/api/v1/gc/plan").then().statusCode(401);
        given().auth().oauth2(CacheHttp.BUILDER_TOKEN).contentType(ContentType.JSON).post("/api/v1/gc/runs").then()
                .statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("keep", -1)).post("/api/v1/gc/plan")
                .then().statusCode(400).body("type", equalTo("https://kiln.dev/problems/validation"));
        given().get("/api/v1/gc/runs/no-such-run").then().statusCode(404)
                .body("type", equalTo("https://kiln.dev/problems/gc-run-not-found"));
    }

    private String startRun(Map<String, Object> settings, String idempotencyKey) {
        var request = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(settings);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/gc/runs").then().statusCode(202).extract().path("id");
    }

    private static JsonPath awaitFinished(String runId) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/api/v1/gc/runs/" + runId).then().statusCode(200).extract().jsonPath(),
                        run -> !"running".equals(run.getString("status")));
    }

    private void store(String... paths) {
        CacheHttp http = new CacheHttp(base);
        for (String path : paths) {
            assertThat(http.put(path, () -> new ByteArrayInputStream(path.getBytes()), path.length()).statusCode())
                    .isEqualTo(201);
        }
    }

    private void publish(String release, int daysAgo) {
        EventWriter.send(new ReleasePublished(release, "stable", List.of("amd64"), now.minus(daysAgo, ChronoUnit.DAYS)));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Database.column("select version from published_release").contains(release));
    }

    private FakeVersionService.Version version(String tag, int daysAgo) {
        return new FakeVersionService.Version(tag, null, false, now.minus(daysAgo, ChronoUnit.DAYS));
    }

    private FakeVersionService.Version official(String tag, int daysAgo) {
        return new FakeVersionService.Version(tag, tag.substring(tag.indexOf('-') + 1), true,
                now.minus(daysAgo, ChronoUnit.DAYS));
    }

    private static List<String> decisions(List<Map<String, Object>> decisions) {
        return decisions.stream().map(d -> d.get("rule") + " " + d.get("subject") + " " + d.get("action")).toList();
    }

    /** Each decision's code by "rule subject". */
    private static Map<String, String> codes(JsonPath plan) {
        List<Map<String, Object>> decisions = plan.getList("decisions");
        return decisions.stream().collect(Collectors.toMap(d -> d.get("rule") + " " + d.get("subject"),
                d -> (String) d.get("code")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> purgePrefixes(JsonPath plan) {
        List<Map<String, Object>> decisions = plan.getList("decisions");
        return decisions.stream().filter(d -> d.get("action").equals("purge"))
                .flatMap(d -> ((List<String>) d.get("prefixes")).stream()).toList();
    }

    private static Set<String> underAny(Set<String> keys, List<String> prefixes) {
        return keys.stream().filter(k -> prefixes.stream().anyMatch(k::startsWith)).collect(Collectors.toSet());
    }

    private static TreeSet<String> difference(Set<String> all, Set<String> removed) {
        TreeSet<String> rest = new TreeSet<>(all);
        rest.removeAll(removed);
        return rest;
    }

    private static JsonPath item(JsonPath run, String subject) {
        List<Map<String, Object>> items = run.getList("items");
        int index = java.util.stream.IntStream.range(0, items.size())
                .filter(i -> subject.equals(((Map<?, ?>) items.get(i).get("decision")).get("subject")))
                .findFirst().orElseThrow();
        return new JsonPath(run.prettify()).setRoot("items[" + index + "]");
    }
}
