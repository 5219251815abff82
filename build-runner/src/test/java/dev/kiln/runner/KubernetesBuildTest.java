package dev.kiln.runner;

import static dev.kiln.runner.support.Api.awaitRun;
import static dev.kiln.runner.support.Api.awaitState;
import static dev.kiln.runner.support.Api.create;
import static dev.kiln.runner.support.Api.nightly;
import static dev.kiln.runner.support.Api.runOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.kiln.events.EventCatalog;
import dev.kiln.events.EventType;
import dev.kiln.events.StepCancelled;
import dev.kiln.events.StepRetrying;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.runner.service.BuildEngine;
import dev.kiln.runner.support.Api;
import dev.kiln.runner.support.FakeCache;
import dev.kiln.runner.support.KubernetesProfile;
import dev.kiln.runner.support.TestKubelet.Outcome;
import dev.kiln.runner.support.TestKubelet;
import dev.kiln.testing.EventReader;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Builds through the Kubernetes executor: one Job per attempt on the mock API server, driven by a test kubelet. */
@QuarkusTest
@TestProfile(KubernetesProfile.class)
@WithKubernetesTestServer(crud = true)
class KubernetesBuildTest {

    private static final Duration LONG = Duration.ofSeconds(90);

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    FakeCache cache;

    @Inject
    BuildEngine engine;

    private TestKubelet kubelet;

    @BeforeEach
    void startKubelet() {
        kubelet = new TestKubelet(server, cache, 2);
    }

    @AfterEach
    void stopKubelet() {
        kubelet.close();
    }

    private static String run(Job job) {
        return job.getMetadata().getLabels().get("kiln.dev/run");
    }

    private static int attempt(Job job) {
        return Integer.parseInt(job.getMetadata().getLabels().get("kiln.dev/attempt"));
    }

    private Map<String, Integer> jobsOf(String build) {
        return kubelet.created().entrySet().stream().filter(e -> e.getKey().startsWith("kiln-" + build + "-"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void runsAPipelineForTwoArchesAsOneJobPerStepRun() {
        String id = create(nightly("kube", List.of("amd64", "arm64"), List.of("qemu_uefi", "qemu")));

        JsonPath build = awaitState(id, "succeeded", LONG);

        assertThat(jobsOf(id)).containsOnlyKeys("kiln-" + id + "-packages-amd64-1", "kiln-" + id + "-packages-arm64-1",
                "kiln-" + id + "-image-amd64-1", "kiln-" + id + "-image-arm64-1", "kiln-" + id + "-vms-amd64-qemu-uefi-1",
                "kiln-" + id + "-vms-arm64-qemu-uefi-1", "kiln-" + id + "-tests-amd64-qemu-uefi-1",
                "kiln-" + id + "-tests-arm64-qemu-uefi-1", "kiln-" + id + "-tests-amd64-qemu-1",
                "kiln-" + id + "-tests-arm64-qemu-1").containsValues(1);
        assertThat(runOf(build, "image-arm64").get("executorRef")).isEqualTo("kiln-" + id + "-image-arm64-1");
        String version = build.getString("version");
        await().atMost(LONG).until(() -> cache.has("build-logs/" + version + "/image-arm64.log"));
        assertThat(cache.read("build-logs/" + version + "/image-arm64.log")).contains("log of kiln-" + id + "-image-arm64-1");
    }

    @Test
    void shipsTheLogOfAPodTheRunnersCacheNeverSaw() {
        kubelet.behave(job -> run(job).equals("image-arm64") ? Outcome.SUCCEED_POD_UNSEEN : Outcome.SUCCEED);

        String id = create(nightly("kube", List.of("arm64"), List.of()));
        String path = "build-logs/" + awaitState(id, "succeeded", LONG).getString("version") + "/image-arm64.log";

        await().atMost(LONG).until(() -> cache.has(path));
        assertThat(cache.read(path)).isEqualTo("log of kiln-" + id + "-image-arm64-1\n");
    }

    @Test
    void storesWhyThereIsNoLogWhenThePodIsGone() {
        kubelet.behave(job -> run(job).equals("image-arm64") ? Outcome.SUCCEED_POD_DELETED : Outcome.SUCCEED);

        String id = create(nightly("kube", List.of("arm64"), List.of()));
        String path = "build-logs/" + awaitState(id, "succeeded", LONG).getString("version") + "/image-arm64.log";

        await().atMost(LONG).until(() -> cache.has(path));
        assertThat(cache.read(path)).startsWith("kiln: no log was captured for attempt 1 of step run image-arm64 (build "
                + id + "): ").contains("kiln-" + id + "-image-arm64-1");
    }

    @Test
    void retriesAFailingStepThenFailsTheBuild() {
        kubelet.behave(job -> run(job).startsWith("image-amd64") ? Outcome.OOM_KILLED : Outcome.SUCCEED);
        try (EventReader events = new EventReader("kiln.builds")) {

            String id = create(nightly("kube", List.of("amd64", "arm64"), List.of("qemu_uefi")));
            JsonPath build = awaitState(id, "failed", LONG);

            assertThat(runOf(build, "image-amd64")).containsEntry("state", "failed").containsEntry("attempt", 2);
            assertThat(runOf(build, "image-amd64").get("reason")).asString().startsWith("oom-killed: container step was OOMKilled");
            assertThat(jobsOf(id)).containsKeys("kiln-" + id + "-image-amd64-1", "kiln-" + id + "-image-amd64-2")
                    .doesNotContainKey("kiln-" + id + "-image-amd64-3");
            assertThat(runOf(build, "tests-arm64-qemu_uefi")).containsEntry("state", "succeeded");
            assertThat(runOf(build, "vms-amd64-qemu_uefi")).containsEntry("state", "blocked");
            List<IncomingEvent> published = eventsUntil(events, id, EventCatalog.BUILD_FAILED);
            assertThat(published).filteredOn(e -> e.is(EventCatalog.STEP_FAILED))
                    .map(e -> e.dataAs(EventCatalog.STEP_FAILED)).singleElement().satisfies(e -> {
                        assertThat(e.stepRun()).isEqualTo("image-amd64");
                        assertThat(e.attempt()).isEqualTo(2);
                        assertThat(e.reason()).startsWith("oom-killed");
                    });
            assertThat(published).filteredOn(e -> e.is(EventCatalog.STEP_BLOCKED))
                    .map(e -> e.dataAs(EventCatalog.STEP_BLOCKED).stepRun())
                    .containsExactlyInAnyOrder("vms-amd64-qemu_uefi", "tests-amd64-qemu_uefi");
            assertThat(published).last().satisfies(e -> assertThat(e.dataAs(EventCatalog.BUILD_FAILED).failedSteps())
                    .containsExactly("image-amd64"));
        }
    }

    @Test
    void cancelDeletesTheJobsAndRecordsTheState() {
        kubelet.behave(job -> Outcome.HOLD);
        try (EventReader events = new EventReader("kiln.builds")) {
            String id = create(nightly("kube", List.of("amd64", "arm64"), List.of()));
            awaitRun(id, "packages-amd64", "running", LONG);
            awaitRun(id, "packages-arm64", "running", LONG);
            await().atMost(LONG).untilAsserted(() -> {
                var live = Api.log(id, "packages-amd64");
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(live.header("X-Kiln-Log-Source")).isEqualTo("kubernetes");
                assertThat(live.asString()).isEqualTo("log of kiln-" + id + "-packages-amd64-1\n");
            });

            given().auth().oauth2(Api.BUILDER).post("/api/v1/builds/" + id + "/cancel").then().statusCode(200);

            assertThat(Api.get(id).getString("state")).isEqualTo("cancelled");
            await().atMost(LONG).untilAsserted(() -> assertThat(server.getClient().batch().v1().jobs()
                    .withLabel("kiln.dev/build", id).list().getItems()).isEmpty());
            List<IncomingEvent> published = eventsUntil(events, id, EventCatalog.BUILD_CANCELLED);
            assertThat(published).filteredOn(e -> e.is(EventCatalog.STEP_CANCELLED))
                    .map(e -> e.dataAs(EventCatalog.STEP_CANCELLED))
                    .extracting(StepCancelled::stepRun, StepCancelled::attempt)
                    .contains(tuple("packages-amd64", 1), tuple("packages-arm64", 1), tuple("image-amd64", 0))
                    .hasSize(2 + 2 + 0);
        }
    }

    /** Every event of the build up to and including the first of type {@code last}, in publishing order. */
    private static List<IncomingEvent> eventsUntil(EventReader events, String id, EventType<?> last) {
        events.await(e -> id.equals(e.key()) && e.is(last), 1, LONG);
        List<IncomingEvent> all = events.await(e -> id.equals(e.key()), 0, Duration.ZERO);
        int end = 0;
        while (end < all.size() && !all.get(end).is(last)) {
            end++;
        }
        assertThat(end).as(last.name() + " published for " + id).isLessThan(all.size());
        return all.subList(0, end + 1);
    }

    @Test
    void resumesAFailedBuildFromItsFailedStepWithoutRecreatingPassedJobs() {
        kubelet.behave(job -> run(job).equals("image-amd64") ? Outcome.FAIL : Outcome.SUCCEED);
        String id = create(nightly("kube", List.of("amd64"), List.of("qemu_uefi")));
        awaitState(id, "failed", LONG);

        kubelet.behave(job -> Outcome.SUCCEED);
        given().auth().oauth2(Api.BUILDER).post("/api/v1/builds/" + id + "/resume").then().statusCode(200);
        JsonPath build = awaitState(id, "succeeded", LONG);

        assertThat(runOf(build, "image-amd64").get("attempt")).isEqualTo(3);
        assertThat(runOf(build, "packages-amd64").get("attempt")).isEqualTo(1);
        assertThat(jobsOf(id)).containsEntry("kiln-" + id + "-packages-amd64-1", 1)
                .containsKey("kiln-" + id + "-image-amd64-3").hasSize(6);
    }

    @Test
    void aRestartedRunnerResumesItsJobsWithoutCreatingAnyTwice() {
        kubelet.behave(job -> run(job).startsWith("packages") ? Outcome.HOLD : Outcome.SUCCEED);
        String id = create(nightly("kube", List.of("amd64", "arm64"), List.of("qemu_uefi")));
        awaitRun(id, "packages-amd64", "running", LONG);
        awaitRun(id, "packages-arm64", "running", LONG);

        engine.stop();
        kubelet.heldJobs().forEach(job -> kubelet.release(job, Outcome.SUCCEED));
        await().atMost(LONG).until(() -> kubelet.completedAt().keySet().stream().filter(n -> n.contains(id)).count() == 2);
        engine.start();
        JsonPath build = awaitState(id, "succeeded", LONG);

        assertThat(jobsOf(id)).hasSize(8).containsValues(1).doesNotContainValue(2);
        assertThat(build.getList("steps.attempt", Integer.class)).containsOnly(1);
    }

    @Test
    void aJobThatFinishedAndExpiredWhileTheRunnerWasDownSucceedsFromItsCachedOutputs() {
        kubelet.behave(job -> run(job).equals("packages-amd64") ? Outcome.HOLD : Outcome.SUCCEED);
        String id = create(nightly("kube", List.of("amd64"), List.of()));
        awaitRun(id, "packages-amd64", "running", LONG);
        String job = "kiln-" + id + "-packages-amd64-1";

        engine.stop();
        kubelet.release(job, Outcome.SUCCEED);
        await().atMost(LONG).until(() -> kubelet.completedAt().containsKey(job));
        server.getClient().batch().v1().jobs().withName(job).delete();
        await().atMost(LONG).until(() -> server.getClient().batch().v1().jobs().withName(job).get() == null);
        engine.start();
        JsonPath build = awaitState(id, "succeeded", LONG);

        Map<String, Object> packages = runOf(build, "packages-amd64");
        assertThat(packages.get("attempt")).isEqualTo(1);
        assertThat((String) packages.get("reason")).startsWith("succeeded unobserved: Job " + job + " does not exist");
        assertThat(jobsOf(id)).containsEntry(job, 1);
    }

    @Test
    void aJobThatNeverGetsAPodFailsAfterThePendingLimitAndIsRetried() {
        kubelet.behave(job -> run(job).equals("image-amd64") && attempt(job) == 1 ? Outcome.NO_POD : Outcome.SUCCEED);
        try (EventReader events = new EventReader("kiln.builds")) {
            String id = create(nightly("kube", List.of("amd64"), List.of()));

            JsonPath build = awaitState(id, "succeeded", LONG);

            assertThat(runOf(build, "image-amd64").get("attempt")).isEqualTo(2);
            assertThat(retryReasons(events, id)).singleElement().asString()
                    .startsWith("pending: no pod of Job kiln-" + id + "-image-amd64-1 yet");
            await().atMost(LONG).until(() -> server.getClient().batch().v1().jobs()
                    .withName("kiln-" + id + "-image-amd64-1").get() == null);
        }
    }

    @Test
    void aPodThatAdmissionRefusesFailsItsAttemptWithKubernetesWordsAndIsRetried() {
        kubelet.behave(job -> run(job).equals("image-amd64") && attempt(job) == 1 ? Outcome.POD_FORBIDDEN : Outcome.SUCCEED);
        try (EventReader events = new EventReader("kiln.builds")) {
            String id = create(nightly("kube", List.of("amd64"), List.of()));

            JsonPath build = awaitState(id, "succeeded", LONG);

            assertThat(runOf(build, "image-amd64").get("attempt")).isEqualTo(2);
            assertThat(retryReasons(events, id)).singleElement().asString().isEqualTo("pod-forbidden: Kubernetes refused "
                    + "the pod of Job kiln-" + id + "-image-amd64-1: Error creating: pods \"kiln-" + id
                    + "-image-amd64-1-x7k2p\" " + TestKubelet.POD_SECURITY_REFUSAL);
        }
    }

    @Test
    void aPodOverQuotaWaitsWithKubernetesWordsUntilThePendingLimit() {
        kubelet.behave(job -> run(job).equals("image-amd64") && attempt(job) == 1 ? Outcome.QUOTA_EXCEEDED : Outcome.SUCCEED);
        try (EventReader events = new EventReader("kiln.builds")) {
            String id = create(nightly("kube", List.of("amd64"), List.of()));

            JsonPath build = awaitState(id, "succeeded", LONG);

            assertThat(runOf(build, "image-amd64").get("attempt")).isEqualTo(2);
            assertThat(retryReasons(events, id)).singleElement().asString().isEqualTo("pending: Job kiln-" + id
                    + "-image-amd64-1 cannot create its pod yet: Error creating: pods \"kiln-" + id + "-image-amd64-1-x7k2p\" "
                    + TestKubelet.QUOTA_REFUSAL + " (for more than 8s)");
        }
    }

    @Test
    void aVanishedJobFailsItsAttemptWhichIsRetried() {
        kubelet.behave(job -> run(job).equals("image-amd64") && attempt(job) == 1 ? Outcome.HOLD : Outcome.SUCCEED);
        try (EventReader events = new EventReader("kiln.builds")) {
            String id = create(nightly("kube", List.of("amd64"), List.of()));
            awaitRun(id, "image-amd64", "running", LONG);

            server.getClient().batch().v1().jobs().withName("kiln-" + id + "-image-amd64-1").delete();
            JsonPath build = awaitState(id, "succeeded", LONG);

            assertThat(runOf(build, "image-amd64").get("attempt")).isEqualTo(2);
            assertThat(retryReasons(events, id)).singleElement().asString().startsWith("vanished: Job kiln-" + id);
        }
    }

    @Test
    void anEvictedOrLongUnschedulableAttemptIsRetried() {
        kubelet.behave(job -> attempt(job) > 1 ? Outcome.SUCCEED
                : run(job).equals("image-amd64") ? Outcome.EVICTED
                : run(job).equals("image-arm64") ? Outcome.UNSCHEDULABLE : Outcome.SUCCEED);
        try (EventReader events = new EventReader("kiln.builds")) {
            String id = create(nightly("kube", List.of("amd64", "arm64"), List.of()));

            awaitState(id, "succeeded", LONG);

            assertThat(retryReasons(events, id)).hasSize(2)
                    .anySatisfy(r -> assertThat(r).startsWith("evicted: The node was low on resource"))
                    .anySatisfy(r -> assertThat(r).startsWith("unschedulable: 0/3 nodes are available"));
            await().atMost(LONG).until(() -> server.getClient().batch().v1().jobs()
                    .withName("kiln-" + id + "-image-arm64-1").get() == null);
        }
    }

    private static List<String> retryReasons(EventReader events, String id) {
        return events.await(e -> id.equals(e.key()) && e.is(EventCatalog.STEP_RETRYING), 1, LONG).stream()
                .map(e -> e.dataAs(EventCatalog.STEP_RETRYING)).map(StepRetrying::reason).distinct().toList();
    }
}
