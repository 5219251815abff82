package dev.kiln.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.events.BuildSucceeded;
import dev.kiln.events.EventCatalog;
import dev.kiln.localstack.infra.FreePorts;
import dev.kiln.release.process.FakeNeighboursServer;
import dev.kiln.release.testing.EventWriter;
import dev.kiln.release.testing.FakeBuildRunner;
import dev.kiln.testing.KilnServicesResource;
import dev.kiln.testing.PackagedService;
import dev.kiln.testing.TestInfrastructure;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * release-service across two real crashes, on the packaged jar: a new major's request is killed with SIGKILL while it
 * is building, and the service that replaces it (the same database) is killed while the publication's copy into the
 * channel is in flight; a third process finishes the request. version-service, build-runner and artifact-service are
 * fakes in this JVM that count every allocation, build, copy and pointer move; the outbox is counted per event type.
 */
class ReleaseServiceRestartIT {

    /** One database per attempt (JUnit makes an instance per attempt): CI's rerun must not meet the first attempt's data. */
    private final String database = "kiln_release_restart_it_" + System.currentTimeMillis();
    private static final String RELEASER = "restart-releaser-token";
    private static final String VERSION = "4901.0.0";

    private final Path dir = Path.of("target", "restart-it", Long.toString(System.currentTimeMillis())).toAbsolutePath();

    @Test
    void aRequestKilledWhileBuildingAndWhilePublishingCompletesWithNothingDoneTwice() throws Exception {
        Files.createDirectories(dir);
        Map<String, String> infrastructure = new KilnServicesResource().start();
        TestInfrastructure.postgres().ensureDatabase(database);
        infrastructure.put("quarkus.datasource.jdbc.url", TestInfrastructure.postgres().jdbcUrl(database));
        try (FakeNeighboursServer fakes = new FakeNeighboursServer()) {
            FakeBuildRunner builds = fakes.builds();

            PackagedService first = start("first", infrastructure, fakes);
            String id;
            String buildId;
            try {
                id = RestAssured.given().header("Authorization", "Bearer " + RELEASER)
                        .header("Idempotency-Key", "restart-it-new-major").contentType(ContentType.JSON)
                        .body(Map.of("type", "new-major", "vendors", List.of("qemu_uefi"))).post("/api/v1/promotions")
                        .then().statusCode(201).extract().path("id");
                awaitState(id, "building", Duration.ofMinutes(1));
                buildId = RestAssured.given().get("/api/v1/promotions/" + id).then().extract().path("buildId");
            } finally {
                first.kill();
            }

            // the build ends while no release-service runs; the copy of the publication will be in flight at the next kill
            fakes.holdCopies();
            List<String> arches = builds.build(buildId).orElseThrow().request().arches();
            builds.succeed(buildId, VERSION, "ab6d76d957a1d1e0e4cc2b7e6b0a5f4c1f9c6e21",
                    "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f", Map.of());
            EventWriter.send(new BuildSucceeded(buildId, "full", "alpha-" + VERSION, VERSION, VERSION, arches,
                    List.of("qemu_uefi"), List.of("images/amd64/" + VERSION + "/version.txt"), Instant.now(), "main",
                    "ab6d76d957a1d1e0e4cc2b7e6b0a5f4c1f9c6e21",
                    "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f", Map.of()));
            PackagedService second = start("second", infrastructure, fakes);
            try {
                await().atMost(Duration.ofMinutes(1)).until(() -> fakes.copyCalls() >= 1);
            } finally {
                second.kill();
            }
            // artifact-service finishes the server-side copy whose caller died
            fakes.releaseCopies();

            try (PackagedService third = start("third", infrastructure, fakes)) {
                awaitState(id, "published", Duration.ofMinutes(1));
                RestAssured.given().get("/api/v1/releases/" + VERSION).then().statusCode(200);
                // "published" is answered once the operation committed; its channel files are written just after
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> count(
                        "select count(*) from release_service.channel_operation where version = ? and state = 'done'",
                        VERSION) == 1);
            }

            assertThat(fakes.versions().allocations()).as("versions allocated").isEqualTo(1);
            assertThat(builds.started()).as("builds started").isEqualTo(1);
            // a copy call is repeated after the kill (and may be by the sweeper of the killed process, whose operation went
            // quiet for a second while its copy was held); artifact-service skips objects already there
            assertThat(fakes.copyCalls()).as("copy calls: the one in flight at the kill, then one per arch at least")
                    .isGreaterThanOrEqualTo(1 + arches.size());
            assertThat(fakes.objectCopies()).as("objects copied into alpha, each once")
                    .isEqualTo(arches.size() * FakeNeighboursServer.RELEASE_FILES.size());
            arches.forEach(arch -> assertThat(fakes.pointerMoves("alpha", arch, "current")).as("moves of alpha/" + arch
                    + "-usr/current").isEqualTo(1));
            assertThat(count("select count(*) from release_service.channel_operation where version = ? and state = 'done'",
                    VERSION)).isEqualTo(1);
            for (String type : List.of(EventCatalog.RELEASE_CANDIDATE.name(), EventCatalog.RELEASE_READY.name(),
                    EventCatalog.RELEASE_PUBLISHED.name())) {
                assertThat(count("select count(*) from release_service.kiln_outbox where event_type = ?", type)).as(type)
                        .isEqualTo(1);
            }
            for (String type : List.of(EventCatalog.PROMOTION_VERSIONING.name(), EventCatalog.PROMOTION_BUILDING.name(),
                    EventCatalog.PROMOTION_PUBLISHED.name())) {
                assertThat(count("select count(*) from release_service.kiln_outbox where event_type = ? and event_key = ?",
                        type, id)).as(type).isEqualTo(1);
            }
        }
    }

    private static void awaitState(String id, String state, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(250)).until(() -> state.equals(
                RestAssured.given().get("/api/v1/promotions/" + id).then().extract().path("state")));
    }

    private PackagedService start(String name, Map<String, String> infrastructure, FakeNeighboursServer fakes)
            throws Exception {
        Map<String, String> config = new HashMap<>(infrastructure);
        config.put("quarkus.rest-client.version-service.url", fakes.baseUrl() + "/fake-version");
        config.put("quarkus.rest-client.build-runner.url", fakes.baseUrl() + "/fake-build-runner");
        config.put("quarkus.rest-client.artifact-service.url", fakes.baseUrl() + "/fake-artifacts");
        config.put("kiln.release.cache-url", fakes.baseUrl() + "/fake-artifacts/cache");
        config.put("kiln.release.policy", Path.of("src/test/resources/restart-policy.yaml").toAbsolutePath().toString());
        config.put("kiln.service-token", "restart-service-token");
        config.put("kiln.security.admin-token-file", dir.resolve("no-admin.token").toString());
        config.put("kiln.security.callers.releaser.token", RELEASER);
        config.put("kiln.security.callers.releaser.roles", "releaser");
        // short timers, so that the passes after each restart come within seconds
        config.put("kiln.release.promotion-sweep-every", "1s");
        config.put("kiln.release.promotion-sweep-delay", "1s");
        config.put("kiln.release.operation-sweep-every", "1s");
        config.put("kiln.release.operation-quiet", "1s");
        // the restarted service learns of the build through its event, not by asking build-runner (PromotionEngineTest does that)
        config.put("kiln.release.build-event-wait", "5m");
        int port = FreePorts.next();
        PackagedService service = PackagedService.launch("release-service")
                .jvmOptions("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1").systemProperties(config)
                .log(dir.resolve(name + ".log")).start(port).awaitReady(Duration.ofMinutes(2));
        RestAssured.port = port;
        return service;
    }

    private int count(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl(database), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
