package dev.kiln.artifact.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.artifact.support.CacheHttp;
import dev.kiln.artifact.support.Database;
import dev.kiln.artifact.support.FakeVersionService;
import dev.kiln.artifact.support.S3Direct;
import dev.kiln.events.EventCatalog;
import dev.kiln.testing.EventReader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduled trigger ({@code KILN_GC_SCHEDULE}) runs the plan an API run would, with the configured
 * settings; several replicas firing it (Quarkus's scheduler is per JVM) start one run between them.
 */
@QuarkusTest
class ScheduledCollectionTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    ScheduledCollection schedule;

    private final String id = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void forgetEverythingKnown() {
        Database.execute("delete from gc_run");
        Database.execute("delete from known_version");
        Database.execute("delete from replica_sync");
        Database.execute("delete from published_release");
    }

    @Test
    void aScheduledRunExecutesThePlanOfAnApiRunWithTheConfiguredSettings() {
        String expired = "main-4700.0.0-nightly-" + id;
        FakeVersionService.reset(fiftyFreshDevBuildsAnd(expired));
        String expiredImage = "images/amd64/4700.0.0+nightly-" + id + "/flatcar_production_image.bin.bz2";
        String expiredLogs = "build-logs/4700.0.0+nightly-" + id + "/packages-amd64-logs.tar.xz";
        String orphan = "images/arm64/4690.0.0+nightly-gone-" + id + "/flatcar_production_image.bin.bz2";
        String fresh = "images/amd64/4701.0.0+nightly-" + id + "-0/flatcar_production_image.bin.bz2";
        store(expiredImage, expiredLogs, orphan, fresh);
        JsonPath plan = given().auth().oauth2("test-admin-token").contentType(ContentType.JSON)
                .post("/api/v1/gc/plan").then().statusCode(200).extract().jsonPath();

        try (EventReader deletions = new EventReader("kiln.artifacts")) {
            schedule.run();

            JsonPath run = awaitFinished(onlyRunId());
            assertThat(run.getString("trigger")).isEqualTo("scheduled");
            assertThat(run.getString("requestedBy")).isEqualTo("schedule");
            assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
            assertThat(run.getMap("settings")).isEqualTo(plan.getMap("settings"));
            assertThat(decisions(run.getList("items.decision"))).isEqualTo(decisions(plan.getList("decisions")));
            Set<String> gone = Set.of(expiredImage, expiredImage + ".DIGESTS", expiredLogs, expiredLogs + ".DIGESTS",
                    orphan, orphan + ".DIGESTS");
            assertThat(deletions.await(e -> e.is(EventCatalog.ARTIFACT_DELETED)
                    && gone.contains(e.dataAs(EventCatalog.ARTIFACT_DELETED).path()), gone.size(),
                    Duration.ofSeconds(60)).stream().map(e -> e.dataAs(EventCatalog.ARTIFACT_DELETED).path())
                    .collect(Collectors.toSet())).isEqualTo(gone);
        }
        assertThat(S3Direct.keys("")).doesNotContainAnyElementsOf(List.of(expiredImage, expiredLogs, orphan))
                .contains(fresh, fresh + ".DIGESTS");
        assertThat(FakeVersionService.deleted()).containsExactly(expired);
    }

    @Test
    void aScheduleFiringWhileAnotherReplicaRunsStartsNothing() {
        FakeVersionService.reset(List.of());
        Database.execute("""
                insert into gc_run (id, trigger, status, settings, started_at, heartbeat_at)
                values ('other-replica', 'SCHEDULED', 'RUNNING', '{"keep":50,"minAgeDays":14,"keepPerChannel":10,\
                "keepLtsMajors":2,"arches":["amd64"],"purgeTags":[]}', now(), now())""");

        schedule.run();

        assertThat(Database.column("select id from gc_run")).containsExactly("other-replica");
    }

    @Test
    void twoReplicasFiringAtTheSameMomentStartOneRun() throws Exception {
        FakeVersionService.reset(List.of());
        CountDownLatch fire = new CountDownLatch(1);
        List<CompletableFuture<Void>> replicas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replicas.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(fire);
                schedule.run();
            }));
        }

        fire.countDown();
        CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);

        assertThat(Database.column("select id from gc_run")).hasSize(1);
        awaitFinished(onlyRunId());
    }

    private List<FakeVersionService.Version> fiftyFreshDevBuildsAnd(String expired) {
        Instant now = Instant.now();
        List<FakeVersionService.Version> versions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            versions.add(new FakeVersionService.Version("main-4701.0.0-nightly-" + id + "-" + i, null, false,
                    now.minus(1, ChronoUnit.DAYS)));
        }
        versions.add(new FakeVersionService.Version(expired, null, false, now.minus(30, ChronoUnit.DAYS)));
        return versions;
    }

    private void store(String... paths) {
        CacheHttp http = new CacheHttp(base);
        for (String path : paths) {
            byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
            assertThat(http.put(path, () -> new ByteArrayInputStream(bytes), bytes.length).statusCode()).isEqualTo(201);
        }
    }

    private static String onlyRunId() {
        List<String> ids = Database.column("select id from gc_run");
        assertThat(ids).hasSize(1);
        return ids.getFirst();
    }

    private static JsonPath awaitFinished(String runId) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/api/v1/gc/runs/" + runId).then().statusCode(200).extract().jsonPath(),
                        run -> !"running".equals(run.getString("status")));
    }

    private static List<String> decisions(List<Map<String, Object>> decisions) {
        return decisions.stream().map(d -> d.get("rule") + " " + d.get("subject") + " " + d.get("action")).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
