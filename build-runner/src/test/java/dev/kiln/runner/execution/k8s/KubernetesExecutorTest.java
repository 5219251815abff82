package dev.kiln.runner.execution.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.runner.domain.pipeline.PodSettings;
import dev.kiln.runner.domain.port.AttemptLog;
import dev.kiln.runner.domain.port.Observation;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepLaunch;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The executor against a mock API server when its informer caches are behind the server. */
class KubernetesExecutorTest {

    private static final String NAMESPACE = "test";
    private static final RunHandle IMAGE_ARM64 = new RunHandle("k7xq2m4pza", "image-arm64", 1);
    private static final String JOB = "kiln-k7xq2m4pza-image-arm64-1";

    private KubernetesMockServer server;
    private NamespacedKubernetesClient client;
    private KubernetesExecutor executor;

    @BeforeEach
    void startServer() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses, List.of()), false);
        server.init();
        client = server.createClient().inNamespace(NAMESPACE);
        executor = newExecutor();
    }

    private KubernetesExecutor newExecutor() {
        return newExecutor(Clock.systemUTC());
    }

    private KubernetesExecutor newExecutor(Clock clock) {
        return new KubernetesExecutor(client, new JobSettings(NAMESPACE, "alpine/git:2.47.2",
                "https://github.com/flatcar/scripts.git", "http://artifact-service:8080",
                3600, "IfNotPresent", "docker:28.3.3-dind", null), Duration.ofSeconds(2), clock);
    }

    private static StepLaunch launch(RunHandle handle) {
        return new StepLaunch(handle, "image", "arm64", null, "stable-4593.2.5",
                "ghcr.io/flatcar/flatcar-packages-arm64:4593.2.5", List.of("/bin/bash", "-e", "-c", "image_build arm64"),
                Map.of("KILN_ARCH", "arm64"), List.of(), Duration.ofHours(2),
                new PodSettings(true, true, List.of(), Map.of(), Map.of(), Map.of(), List.of(), null, false, false),
                "kiln-step.test-token");
    }

    @AfterEach
    void stopServer() {
        executor.shutdown();
        client.close();
        server.destroy();
    }

    @Test
    void readsTheLogOfAPodItsCacheDoesNotHaveFromTheApiServer() throws IOException {
        client.pods().resource(new PodBuilder().withNewMetadata().withName(JOB + "-x7k2p")
                .addToLabels(Labels.JOB, JOB).endMetadata().build()).create();
        server.expect().get().withPath("/api/v1/namespaces/test/pods/" + JOB + "-x7k2p/log?container=step")
                .andReturn(200, "./build_packages --board=arm64-usr\n").always();

        AttemptLog log = executor.openLog(IMAGE_ARM64);

        assertThat(log).isInstanceOf(AttemptLog.Available.class);
        try (InputStream in = ((AttemptLog.Available) log).stream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("./build_packages --board=arm64-usr\n");
        }
    }

    @Test
    void saysWhyThereIsNoLogWhenTheServerHasNoPodEither() {
        client.batch().v1().jobs().resource(job(JOB, false)).create();

        AttemptLog withJob = executor.openLog(IMAGE_ARM64);
        client.batch().v1().jobs().withName(JOB).delete();
        AttemptLog withoutJob = executor.openLog(IMAGE_ARM64);

        assertThat(withJob).isEqualTo(new AttemptLog.Missing("no pod of Job " + JOB
                + " exists on the API server (the Job exists; its pod was deleted or never created)"));
        assertThat(withoutJob).isEqualTo(new AttemptLog.Missing("no pod of Job " + JOB
                + " exists on the API server (the Job is gone too: deleted, cancelled or expired after its TTL)"));
    }

    @Test
    void confirmsWithTheApiServerThatAnAttemptTheStaleCacheShowsRunningHasCompleted() {
        client.batch().v1().jobs().resource(job(JOB, false)).create();
        await().atMost(Duration.ofSeconds(30)).until(() -> executor.known().contains(IMAGE_ARM64));
        executor.shutdown();

        client.batch().v1().jobs().resource(job(JOB, true)).updateStatus();

        assertThat(executor.known()).as("the stopped cache still shows the Job running").contains(IMAGE_ARM64);
        assertThat(executor.confirmRunning(IMAGE_ARM64)).isFalse();
    }

    @Test
    void aFreshExecutorLaunchingAnAttemptWhoseJobExistsLeavesThatJobAlone() {
        Job earlier = client.batch().v1().jobs().resource(job(JOB, false)).create();
        KubernetesExecutor restarted = newExecutor();
        try {
            restarted.launch(launch(IMAGE_ARM64));
            await().atMost(Duration.ofSeconds(30)).until(() -> restarted.known().contains(IMAGE_ARM64));
            restarted.launch(launch(IMAGE_ARM64));

            List<Job> jobs = client.batch().v1().jobs().list().getItems();
            assertThat(jobs).singleElement().satisfies(job -> {
                assertThat(job.getMetadata().getUid()).isEqualTo(earlier.getMetadata().getUid());
                assertThat(job.getSpec().getTemplate()).as("not replaced by the fresh executor's Job").isNull();
            });
        } finally {
            restarted.shutdown();
        }
    }

    @Test
    void aFreshExecutorCreatesTheJobOfAnAttemptThatHasNone() {
        executor.launch(launch(IMAGE_ARM64));

        Job job = client.batch().v1().jobs().withName(JOB).get();

        assertThat(job).isNotNull();
        assertThat(job.getMetadata().getLabels()).containsEntry(Labels.RUN, "image-arm64").containsEntry(Labels.ATTEMPT, "1");
        assertThat(job.getSpec().getBackoffLimit()).isZero();
    }

    @Test
    void confirmsARunningAttemptAndNotAMissingOne() {
        RunHandle tests = new RunHandle("k7xq2m4pza", "tests-arm64-qemu_uefi", 2);
        client.batch().v1().jobs().resource(job(JOB, false)).create();

        assertThat(executor.confirmRunning(IMAGE_ARM64)).isTrue();
        assertThat(executor.confirmRunning(tests)).isFalse();
    }

    @Test
    void aJobWithoutAPodIsExplainedByItsFailedCreateEventOnceItIsPastTheGrace() {
        client.batch().v1().jobs().resource(job(JOB, false)).create();
        // The mock server cannot select events by involved object; this is the list a real one returns.
        server.expect().get().withPath("/api/v1/namespaces/test/events?fieldSelector=involvedObject.name%3D" + JOB)
                .andReturn(200, new EventListBuilder().withItems(new EventBuilder()
                        .withNewMetadata().withName(JOB + ".187a2c").endMetadata()
                        .withNewInvolvedObject().withKind("Job").withName(JOB).withNamespace(NAMESPACE).endInvolvedObject()
                        .withReason("FailedCreate").withType("Warning").withLastTimestamp(Instant.now().toString())
                        .withMessage("Error creating: pods \"" + JOB + "-x7k2p\" is forbidden: violates PodSecurity "
                                + "\"baseline:latest\"").build()).build()).always();

        KubernetesExecutor aMinuteLater = newExecutor(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
        List<String> changed = new CopyOnWriteArrayList<>();
        aMinuteLater.onChange(changed::add);
        Observation first;
        Observation observed;
        try {
            // the events are read outside the pass: the first pass sees no pod yet, the lookup then wakes the build
            first = aMinuteLater.observe(IMAGE_ARM64);
            await().atMost(Duration.ofSeconds(10)).until(() -> changed.contains("k7xq2m4pza"));
            observed = aMinuteLater.observe(IMAGE_ARM64);
        } finally {
            aMinuteLater.shutdown();
        }

        assertThat(first).isInstanceOf(Observation.Waiting.class);
        assertThat(observed).isEqualTo(new Observation.Failed("pod-forbidden", "Kubernetes refused the pod of Job "
                + JOB + ": Error creating: pods \"" + JOB + "-x7k2p\" is forbidden: violates PodSecurity \"baseline:latest\""));
    }

    @Test
    void aJobWithoutAPodWithinTheGraceCostsNoEventRequest() {
        client.batch().v1().jobs().resource(job(JOB, false)).create();
        int before = server.getRequestCount();

        Observation observed = executor.observe(IMAGE_ARM64);

        assertThat(observed).isInstanceOf(Observation.Waiting.class);
        assertThat(server.getRequestCount() - before).as("one GET of the Job the cache may not have yet, no events")
                .isLessThanOrEqualTo(1);
    }

    private static Job job(String name, boolean complete) {
        JobBuilder job = new JobBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
                .withLabels(Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_KILN, Labels.BUILD, "k7xq2m4pza",
                        Labels.RUN, "image-arm64", Labels.ATTEMPT, "1"))
                .endMetadata().withNewSpec().withBackoffLimit(0).endSpec();
        if (complete) {
            job.withNewStatus().withConditions(new JobConditionBuilder().withType("Complete").withStatus("True").build())
                    .withSucceeded(1).endStatus();
        }
        return job.build();
    }
}
