package dev.kiln.artifact.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.artifact.domain.gc.GcOptions;
import dev.kiln.artifact.domain.gc.GcOverrides;
import dev.kiln.artifact.domain.gc.GcPlan;
import dev.kiln.artifact.domain.gc.GcRuns;
import dev.kiln.artifact.domain.gc.GcTrigger;
import dev.kiln.artifact.service.GarbageCollector;
import dev.kiln.artifact.service.GcExecution;
import dev.kiln.artifact.support.CacheHttp;
import dev.kiln.artifact.support.Database;
import dev.kiln.artifact.support.FakeVersionService;
import dev.kiln.testing.badinput.RawHttp;
import dev.kiln.artifact.support.S3Direct;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Garbage collection racing uploads into the directories it purges (ADR 0024). The interleavings are forced,
 * not hoped for: an upload held open mid-body, a plan computed before an upload, a tag deletion held open.
 */
@QuarkusTest
class GcUploadRaceTest {

    private static final String ADMIN = "test-admin-token";
    private static final Map<String, Object> KEEP_NEWEST = Map.of("keep", 1);

    @TestHTTPResource("/")
    URI base;

    @Inject
    GarbageCollector collector;

    @Inject
    GcExecution execution;

    @Inject
    GcRuns runs;

    @Inject
    GcOptions options;

    private final String id = UUID.randomUUID().toString().substring(0, 6);
    private final String expired = "main-4960.0.0-nightly-" + id;
    private final String directory = "images/amd64/4960.0.0+nightly-" + id + "/";
    private final String image = directory + "flatcar_production_image.bin.bz2";

    @BeforeEach
    void anExpiredDevBuildWithOneImage() {
        Database.execute("delete from gc_run");
        Database.execute("delete from known_version");
        Database.execute("delete from replica_sync");
        Database.execute("delete from published_release");
        Instant now = Instant.now();
        FakeVersionService.reset(List.of(
                new FakeVersionService.Version(expired, null, false, now.minus(30, ChronoUnit.DAYS)),
                new FakeVersionService.Version("main-4961.0.0-nightly-" + id, null, false, now.minus(1, ChronoUnit.DAYS))));
        assertThat(store(image).statusCode()).isEqualTo(201);
    }

    @Test
    void skipsAVersionWhileAnUploadIntoItIsInProgressAndPurgesItWholeOnTheNextRun() {
        String late = directory + "version.txt";
        byte[] body = "FLATCAR_VERSION=4960.0.0+nightly\n".getBytes(StandardCharsets.UTF_8);

        try (RawHttp.OpenUpload upload = new RawHttp(base).startUpload("/cache/" + late, body.length,
                "Authorization: Bearer " + CacheHttp.BUILDER_TOKEN)) {
            upload.send(new byte[] {body[0]});
            await().atMost(Duration.ofMinutes(1)).until(() ->
                    Database.column("select path from upload_lease").contains(late));
            JsonPath first = awaitFinished(startRun());

            assertThat(first.getString("status")).isEqualTo("succeeded");
            assertThat(first.getInt("skipped")).isEqualTo(1);
            assertThat(item(first, expired).getString("status")).isEqualTo("skipped");
            assertThat(item(first, expired).getString("error")).contains("upload of '" + late + "' is in progress");
            assertThat(S3Direct.keys(directory)).contains(image);
            assertThat(FakeVersionService.deleted()).isEmpty();

            assertThat(upload.finish(Arrays.copyOfRange(body, 1, body.length)).status()).isEqualTo(201);
        }
        assertThat(S3Direct.keys(directory)).contains(image, late);

        JsonPath second = awaitFinished(startRun());

        assertThat(item(second, expired).getString("status")).isEqualTo("done");
        assertThat(S3Direct.keys(directory)).isEmpty();
        assertThat(indexedUnder(directory)).isEmpty();
        assertThat(FakeVersionService.deleted()).containsExactly(expired);
    }

    @Test
    void skipsAVersionThatGainedAnUploadAfterThePlanWasMade() {
        String late = directory + "flatcar_production_image.vmlinuz";
        String runId = runs.start(GcTrigger.MANUAL, "test", overrides().applyTo(options.defaults()), Instant.now(),
                Instant.now().minus(Duration.ofHours(1)));

        execution.execute(runId, () -> {
            GcPlan plan = collector.plan(overrides());
            assertThat(store(late).statusCode()).isEqualTo(201);
            return plan;
        });

        JsonPath run = run(runId);
        assertThat(item(run, expired).getString("status")).isEqualTo("skipped");
        assertThat(item(run, expired).getString("error")).contains("'" + late + "' was stored after the plan");
        assertThat(S3Direct.keys(directory)).contains(image, late);
        assertThat(indexedUnder(directory)).contains(image, late);
        assertThat(FakeVersionService.deleted()).isEmpty();
    }

    @Test
    void refusesUploadsIntoAVersionWhileItIsBeingPurged() throws InterruptedException {
        String late = directory + "flatcar_production_image.vmlinuz";
        FakeVersionService.holdNextDelete();
        try {
            String runId = startRun();
            assertThat(FakeVersionService.awaitHeldDelete()).isTrue();

            HttpResponse<String> refused = store(late);

            assertThat(refused.statusCode()).isEqualTo(409);
            JsonPath problem = new JsonPath(refused.body());
            assertThat(problem.getString("type")).isEqualTo("https://kiln.dev/problems/version-being-purged");
            assertThat(problem.getString("detail")).contains(runId);
            FakeVersionService.releaseDeletes();
            JsonPath run = awaitFinished(runId);
            assertThat(item(run, expired).getString("status")).isEqualTo("done");
        } finally {
            FakeVersionService.releaseDeletes();
        }
        assertThat(S3Direct.keys(directory)).isEmpty();
        assertThat(indexedUnder(directory)).isEmpty();
        assertThat(Database.column("select path from pending_write where path like ?", directory + "%")).isEmpty();
        assertThat(FakeVersionService.deleted()).containsExactly(expired);

        assertThat(store(late).statusCode()).isEqualTo(201);
    }

    private static GcOverrides overrides() {
        return new GcOverrides(1, null, null, null, null);
    }

    private HttpResponse<String> store(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        return new CacheHttp(base).put(path, () -> new ByteArrayInputStream(bytes), bytes.length);
    }

    private static List<String> indexedUnder(String directory) {
        return Database.column("select path from artifact where path like ?", directory + "%");
    }

    private static String startRun() {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(KEEP_NEWEST).post("/api/v1/gc/runs")
                .then().statusCode(202).extract().path("id");
    }

    private static JsonPath run(String runId) {
        return given().get("/api/v1/gc/runs/" + runId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitFinished(String runId) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> run(runId), run -> !"running".equals(run.getString("status")));
    }

    private static JsonPath item(JsonPath run, String subject) {
        List<Map<String, Object>> items = run.getList("items");
        int index = java.util.stream.IntStream.range(0, items.size())
                .filter(i -> subject.equals(((Map<?, ?>) items.get(i).get("decision")).get("subject")))
                .findFirst().orElseThrow();
        return new JsonPath(run.prettify()).setRoot("items[" + index + "]");
    }
}
