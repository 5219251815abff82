package dev.kiln.runner;

import static dev.kiln.runner.support.Api.awaitRun;
import static dev.kiln.runner.support.Api.awaitState;
import static dev.kiln.runner.support.Api.create;
import static dev.kiln.runner.support.Api.nightly;
import static dev.kiln.runner.support.Api.runOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.events.BuildSucceeded;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.runner.support.Api;
import dev.kiln.runner.support.FakeCache;
import dev.kiln.runner.support.FakeStepTokens;
import dev.kiln.testing.EventReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Builds through the local executor: real processes, the demo scripts, the fake collaborators. */
@QuarkusTest
class LocalBuildTest {

    private static final Duration LONG = Duration.ofSeconds(120);

    @Inject
    FakeCache cache;

    @Test
    void nightlyWalksFromVersionToCachedOutputs() {
        try (EventReader events = new EventReader("kiln.builds")) {
            String id = create(nightly("full", List.of("amd64", "arm64"), List.of("qemu_uefi", "qemu")));

            JsonPath build = awaitState(id, "succeeded", LONG);

            String version = build.getString("version");
            assertThat(build.getList("steps.state", String.class)).containsOnly("succeeded");
            assertThat(build.getList("steps.run", String.class)).containsExactlyInAnyOrder("sdk_bootstrap",
                    "sdk_container", "packages-amd64", "packages-arm64", "push_pkgs-amd64", "push_pkgs-arm64",
                    "image-amd64", "image-arm64", "vms-amd64-qemu_uefi", "vms-arm64-qemu_uefi",
                    "tests-amd64-qemu_uefi", "tests-amd64-qemu", "tests-arm64-qemu_uefi", "tests-arm64-qemu");
            assertThat(cache.has("images/arm64/" + version + "/flatcar_production_image.bin.bz2")).isTrue();
            assertThat(cache.read("testing/" + version + "/amd64/qemu/results-qemu.tap")).contains("ok 1 - cl.gpt.valid")
                    .doesNotContain("not ok");
            List<IncomingEvent> seen = events.await(e -> id.equals(e.key()) && e.is(EventCatalog.BUILD_SUCCEEDED), 1, LONG);
            assertThat(seen).hasSize(1);
            BuildSucceeded succeeded = seen.getFirst().dataAs(EventCatalog.BUILD_SUCCEEDED);
            assertThat(succeeded.pipelineDigest()).matches("[0-9a-f]{64}").isEqualTo(build.getString("pipelineDigest"));
            assertThat(succeeded.params()).isEqualTo(build.<java.util.Map<String, String>>get("params"));
            assertThat(events.records().stream().map(dev.kiln.events.kafka.CloudEventRecords::read)
                    .filter(e -> id.equals(e.key())).map(IncomingEvent::type))
                    .contains(EventCatalog.BUILD_REQUESTED.name(), EventCatalog.BUILD_STARTED.name(),
                            EventCatalog.STEP_STARTED.name(), EventCatalog.STEP_SUCCEEDED.name());
            await().atMost(LONG).until(() -> Api.log(id, "image-amd64").statusCode() == 200
                    && "cache".equals(Api.log(id, "image-amd64").header("X-Kiln-Log-Source")));
            assertThat(Api.log(id, "image-amd64").asString()).contains("upload images/amd64/");
        }
    }

    @Test
    void aStepExceedingItsTimeoutIsKilledWithItsChildren() {
        String id = create(nightly("hang", List.of("amd64"), List.of()));

        JsonPath build = awaitState(id, "failed", LONG);

        assertThat(runOf(build, "hang").get("reason")).asString().startsWith("deadline-exceeded");
        String log = await().atMost(LONG).until(() -> Api.log(id, "hang").asString(), l -> l.contains("leader-pid"));
        List<Long> pids = pids(log);
        assertThat(pids).hasSize(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty()));
    }

    private static List<Long> pids(String log) {
        Matcher m = Pattern.compile("(?m)^(?:child|grandchild|leader)-pid: (\\d+)$").matcher(log);
        List<Long> pids = new java.util.ArrayList<>();
        while (m.find()) {
            pids.add(Long.parseLong(m.group(1)));
        }
        return pids;
    }

    @Test
    void retriesAFailingStepThenSucceedsOnTheNextAttempt() {
        String id = create(Map.of("pipeline", "flaky", "kind", "nightly", "branch", "main", "arches", List.of("amd64"),
                "params", Map.of("succeedFrom", "2")));

        JsonPath build = awaitState(id, "succeeded", LONG);

        assertThat(runOf(build, "flaky-amd64").get("attempt")).isEqualTo(2);
        assertThat(runOf(build, "prepare").get("attempt")).isEqualTo(1);
    }

    @Test
    void failsAStepWhoseRetriesAreExhaustedAndBlocksWhatNeedsIt() {
        String id = create(nightly("flaky", List.of("amd64", "arm64"), List.of()));

        JsonPath build = awaitState(id, "failed", LONG);

        assertThat(runOf(build, "flaky-amd64")).containsEntry("state", "failed").containsEntry("attempt", 2);
        assertThat(runOf(build, "flaky-amd64").get("reason")).asString().isEqualTo("exit-code: exited with 3");
        assertThat(runOf(build, "after")).containsEntry("state", "blocked");
        await().atMost(LONG).until(() -> cache.has("build-logs/" + build.getString("version") + "/flaky-amd64.attempt-1.log"));
        assertThat(Api.log(id, "flaky-amd64").asString()).contains("attempt 2 fails on purpose");
    }

    @Test
    void resumeContinuesFromTheFailedStepKeepingWhatPassed() {
        String id = create(nightly("gated", List.of("amd64"), List.of()));
        awaitState(id, "failed", LONG);

        cache.put("kiln-test/gates/" + id, "open");
        io.restassured.RestAssured.given().auth().oauth2(Api.BUILDER).post("/api/v1/builds/" + id + "/resume")
                .then().statusCode(200);
        JsonPath build = awaitState(id, "succeeded", LONG);

        assertThat(runOf(build, "prepare").get("attempt")).isEqualTo(1);
        assertThat(runOf(build, "gated").get("attempt")).isEqualTo(2);
        assertThat(runOf(build, "after")).containsEntry("state", "succeeded").containsEntry("attempt", 1);
    }

    @Test
    void aStepSeesTheEnvContractAndNoneOfTheRunnersOwnVariables() {
        String id = create(nightly("environment", List.of("amd64"), List.of()));
        String version = awaitState(id, "succeeded", LONG).getString("version");
        String path = "build-logs/" + version + "/show-amd64.log";
        await().atMost(LONG).until(() -> cache.has(path));

        Map<String, String> env = cache.read(path).lines().filter(l -> l.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
                .collect(java.util.stream.Collectors.toMap(l -> l.substring(0, l.indexOf('=')),
                        l -> l.substring(l.indexOf('=') + 1), (a, b) -> a));
        assertThat(env).containsEntry("KILN_VERSION", version).containsEntry("KILN_ARCH", "amd64")
                .containsEntry("FLATCAR_CHANNEL", "developer").containsEntry("BUILDCACHE_SERVER", "bincache.kiln.test")
                .containsKeys("PATH", "KILN_CACHE_URL", "KILN_CACHE_TOKEN");
        assertThat(env.keySet()).as("variables a step may see").allMatch(name -> name.startsWith("KILN_")
                || java.util.Set.of("FLATCAR_CHANNEL", "BUILDCACHE_SERVER", "PATH", "HOME", "USER", "LOGNAME", "LANG",
                        "LC_ALL", "TZ", "TMPDIR", "PWD", "SHLVL", "_", "OLDPWD").contains(name));
    }

    @Test
    void aStepGetsItsBuildsScopedTokenNotTheRunnersAndItIsRevokedWhenTheBuildEnds() {
        String id = create(nightly("environment", List.of("amd64"), List.of()));
        String version = awaitState(id, "succeeded", LONG).getString("version");
        String path = "build-logs/" + version + "/show-amd64.log";
        await().atMost(LONG).until(() -> cache.has(path));

        String token = cache.read(path).lines().filter(l -> l.startsWith("KILN_CACHE_TOKEN=")).findFirst().orElseThrow()
                .substring("KILN_CACHE_TOKEN=".length());
        FakeStepTokens.Grant grant = FakeStepTokens.byToken(token).orElseThrow();
        assertThat(token).startsWith("kiln-step.").isNotEqualTo(dev.kiln.runner.support.RunnerTestResource.SERVICE_TOKEN);
        assertThat(grant.buildId()).isEqualTo(id);
        assertThat(grant.prefixes()).contains("images/amd64/" + version + "/", "build-logs/" + version + "/")
                .noneMatch(prefix -> prefix.startsWith("images/arm64/") || prefix.split("/").length < 2);
        await().atMost(LONG).until(() -> FakeStepTokens.of(id).stream().allMatch(FakeStepTokens.Grant::revoked));
    }

    @Test
    void aTokenStillLiveForAnEndedBuildIsRevokedByTheNextResync() {
        String id = create(nightly("environment", List.of("amd64"), List.of()));
        awaitState(id, "succeeded", LONG);
        await().atMost(LONG).until(() -> FakeStepTokens.of(id).stream().allMatch(FakeStepTokens.Grant::revoked));

        // as if the revocation at the build's end had been lost (artifact-service away, the runner killed)
        FakeStepTokens.Grant lost = FakeStepTokens.issue(id, List.of("images/amd64/x/"), Instant.now().plusSeconds(3600));

        await().atMost(LONG).until(() -> FakeStepTokens.byToken(lost.token()).orElseThrow().revoked());
    }

    @Test
    void aStepWhoseSecretIsMissingFailsToStartAndSaysWhich() {
        String id = create(nightly("secret", List.of("amd64"), List.of()));

        JsonPath build = awaitState(id, "failed", LONG);

        assertThat(runOf(build, "sign").get("reason")).asString()
                .startsWith("start-failed: secret flatcar-signing/private.asc for SIGNING_KEY is missing");
    }

    @Test
    void skipsEveryStepWhoseOutputsAreAlreadyCachedForTheTag() {
        String first = create(nightly("quick", List.of("amd64"), List.of()));
        String tag = awaitState(first, "succeeded", LONG).getString("tag");

        String second = create(Map.of("pipeline", "quick", "tag", tag, "arches", List.of("amd64")));
        JsonPath build = awaitState(second, "succeeded", LONG);

        assertThat(build.getList("steps.state", String.class)).containsOnly("skipped");
        assertThat(runOf(build, "build-amd64").get("reason")).asString().startsWith("outputs already in the cache for");
    }

    @Test
    void cancelStopsTheRunningStepAndRecordsTheState() {
        String id = create(nightly("hang", List.of("amd64"), List.of()));
        awaitRun(id, "hang", "running", LONG);
        String log = await().atMost(LONG).until(() -> Api.log(id, "hang").asString(), l -> l.contains("leader-pid"));
        assertThat(Api.log(id, "hang").header("X-Kiln-Log-Source")).as("a running step's log comes from its process")
                .isEqualTo("local");

        io.restassured.RestAssured.given().auth().oauth2(Api.BUILDER).contentType("application/json")
                .body(Map.of("reason", "superseded")).post("/api/v1/builds/" + id + "/cancel")
                .then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("cancelled"))
                .body("reason", org.hamcrest.Matchers.equalTo("superseded"));

        assertThat(runOf(Api.get(id), "hang").get("state")).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids(log))
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty()));
    }
}
