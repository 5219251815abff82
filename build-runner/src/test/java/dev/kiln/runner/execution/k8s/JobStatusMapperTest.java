package dev.kiln.runner.execution.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.runner.domain.port.Observation;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobStatusMapperTest {

    private static final Instant NOW = Instant.parse("2026-08-21T21:10:00Z");

    private static Observation map(Job job, List<Pod> pods) {
        return JobStatusMapper.map(job, pods, NOW);
    }

    private static Job job(String conditionType, String reason) {
        JobBuilder job = new JobBuilder().withNewMetadata().withName("kiln-k7xq2m4pza-image-amd64-1").endMetadata()
                .withNewSpec().withActiveDeadlineSeconds(14400L).endSpec();
        if (conditionType != null) {
            job.withNewStatus().withConditions(new JobConditionBuilder().withType(conditionType).withStatus("True")
                    .withReason(reason).withMessage("Job has reached the specified backoff limit").build()).endStatus();
        }
        return job.build();
    }

    private static Pod pod(String phase, String reason, List<PodCondition> conditions, List<ContainerStatus> init,
            List<ContainerStatus> containers) {
        return new PodBuilder().withNewMetadata().withName("kiln-k7xq2m4pza-image-amd64-1-x7k2p")
                .withCreationTimestamp("2026-08-21T21:00:06Z").endMetadata()
                .withNewStatus().withPhase(phase).withReason(reason)
                .withMessage(reason == null ? null : "The node was low on resource: ephemeral-storage.")
                .withConditions(conditions).withInitContainerStatuses(init).withContainerStatuses(containers)
                .endStatus().build();
    }

    private static ContainerStatus terminated(String name, int exitCode, String reason) {
        return new ContainerStatusBuilder().withName(name).withImage("ghcr.io/flatcar/flatcar-packages-amd64:4799.0.0")
                .withNewState().withNewTerminated().withExitCode(exitCode).withReason(reason).endTerminated().endState()
                .build();
    }

    private static ContainerStatus waiting(String reason, String message) {
        return new ContainerStatusBuilder().withName("step").withImage("ghcr.io/flatcar/flatcar-packages-amd64:4799.0.0")
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState().build();
    }

    private static ContainerStatus running() {
        return new ContainerStatusBuilder().withName("step").withNewState().withNewRunning().endRunning().endState().build();
    }

    @Test
    void theDockerSidecarEndingWhenTheStepEndsIsNoFailureButItsOomKillIs() {
        Pod finishing = pod("Succeeded", null, List.of(), List.of(terminated("checkout", 0, "Completed"),
                terminated("docker", 143, "Error")), List.of(terminated("step", 0, "Completed")));
        Pod starved = pod("Running", null, List.of(), List.of(terminated("docker", 137, "OOMKilled")), List.of(running()));

        assertThat(map(job(null, null), List.of(finishing))).isEqualTo(new Observation.Succeeded());
        assertThat(map(job(null, null), List.of(starved)))
                .isEqualTo(new Observation.Failed("oom-killed", "container docker was OOMKilled (exit code 137)"));
    }

    @Test
    void aCompleteJobSucceeded() {
        assertThat(map(job("Complete", null), List.of())).isEqualTo(new Observation.Succeeded());
    }

    @Test
    void aJobPastItsDeadlineFailedWithDeadlineExceeded() {
        Observation seen = map(job("Failed", "DeadlineExceeded"),
                List.of(pod("Failed", null, List.of(), List.of(), List.of(terminated("step", 137, "Error")))));

        assertThat(seen).isEqualTo(new Observation.Failed("deadline-exceeded",
                "the Job ran longer than its activeDeadlineSeconds (14400s)"));
    }

    @Test
    void anOomKilledContainerFailedWithOomKilled() {
        Observation seen = map(job("Failed", "BackoffLimitExceeded"),
                List.of(pod("Failed", null, List.of(), List.of(), List.of(terminated("step", 137, "OOMKilled")))));

        assertThat(seen).isEqualTo(new Observation.Failed("oom-killed", "container step was OOMKilled (exit code 137)"));
    }

    @Test
    void anEvictedPodFailedWithEvicted() {
        Observation seen = map(job(null, null),
                List.of(pod("Failed", "Evicted", List.of(), List.of(), List.of())));

        assertThat(seen).isEqualTo(new Observation.Failed("evicted", "The node was low on resource: ephemeral-storage."));
    }

    @Test
    void aPodDisruptedByTheClusterFailedWithEvicted() {
        PodCondition disruption = new PodConditionBuilder().withType("DisruptionTarget").withStatus("True")
                .withReason("EvictionByEvictionAPI").withMessage("Eviction API: evicting").build();

        Observation seen = map(job(null, null),
                List.of(pod("Failed", null, List.of(disruption), List.of(), List.of())));

        assertThat(seen).isEqualTo(new Observation.Failed("evicted", "EvictionByEvictionAPI: Eviction API: evicting"));
    }

    @Test
    void anImageThatCannotBePulledFailedWithImagePullError() {
        Observation seen = map(job(null, null), List.of(pod("Pending", null, List.of(), List.of(),
                List.of(waiting("ImagePullBackOff", "Back-off pulling image")))));

        assertThat(seen).isInstanceOfSatisfying(Observation.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo("image-pull-error");
            assertThat(f.detail()).contains("flatcar-packages-amd64", "ImagePullBackOff");
        });
    }

    @Test
    void aMissingSecretFailedWithContainerConfigError() {
        Observation seen = map(job(null, null), List.of(pod("Pending", null, List.of(), List.of(),
                List.of(waiting("CreateContainerConfigError", "secret \"kiln-cache-token\" not found")))));

        assertThat(seen).isEqualTo(new Observation.Failed("container-config-error",
                "CreateContainerConfigError: secret \"kiln-cache-token\" not found"));
    }

    @Test
    void anUnschedulablePodWaitsSinceItBecameUnschedulable() {
        PodCondition unschedulable = new PodConditionBuilder().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient cpu.")
                .withLastTransitionTime("2026-08-21T21:00:07Z").build();

        Observation seen = map(job(null, null),
                List.of(pod("Pending", null, List.of(unschedulable), List.of(), List.of())));

        assertThat(seen).isEqualTo(new Observation.Waiting("0/3 nodes are available: 3 Insufficient cpu.",
                Instant.parse("2026-08-21T21:00:07Z")));
    }

    @Test
    void aFailedCheckoutFailedWithCheckoutFailed() {
        Observation seen = map(job(null, null), List.of(pod("Failed", null, List.of(),
                List.of(terminated("checkout", 128, "Error")), List.of())));

        assertThat(seen).isEqualTo(new Observation.Failed("checkout-failed", "container checkout exited with 128 (Error)"));
    }

    @Test
    void aStepExitingNonZeroFailedWithItsExitCode() {
        Observation seen = map(job("Failed", "BackoffLimitExceeded"),
                List.of(pod("Failed", null, List.of(), List.of(terminated("checkout", 0, "Completed")),
                        List.of(terminated("step", 2, "Error")))));

        assertThat(seen).isEqualTo(new Observation.Failed("exit-code", "container step exited with 2 (Error)"));
    }

    @Test
    void aFailedJobWithoutItsPodStillSaysWhy() {
        Observation seen = map(job("Failed", "BackoffLimitExceeded"), List.of());

        assertThat(seen).isEqualTo(new Observation.Failed("job-failed",
                "BackoffLimitExceeded: Job has reached the specified backoff limit"));
    }

    @Test
    void aRunningPodRuns() {
        assertThat(map(job(null, null), List.of(pod("Running", null, List.of(), List.of(),
                List.of(running()))))).isEqualTo(new Observation.Running());
    }

    @Test
    void aPendingPodWaitsWithItsContainersReason() {
        assertThat(map(job(null, null), List.of(pod("Pending", null, List.of(), List.of(),
                List.of(waiting("ContainerCreating", null)))))).isEqualTo(new Observation.Waiting("ContainerCreating", null));
    }

    @Test
    void aPodWithoutStatusYetWaits() {
        Pod pod = new PodBuilder().withNewMetadata().withName("kiln-k7xq2m4pza-image-amd64-1-x7k2p").endMetadata().build();

        assertThat(map(job(null, null), List.of(pod))).isEqualTo(new Observation.Waiting("pod Pending", null));
    }

    @Test
    void aJobWithoutPodWaitsForItAndSaysWhereToLookWhyNone() {
        assertThat(map(job(null, null), List.of())).isEqualTo(new Observation.Waiting(
                "no pod of Job kiln-k7xq2m4pza-image-amd64-1 yet (a ResourceQuota or Pod Security admission may refuse"
                        + " it: see kubectl describe job kiln-k7xq2m4pza-image-amd64-1)", null));
    }

    @Test
    void aJobThatFailedMomentsAgoWaitsForItsPodsFinalStatusThenReportsIt() {
        // the Job's watch delivered "BackoffLimitExceeded" while the pod's watch still shows it running
        Job failed = failedAt(NOW.minusSeconds(1));
        Pod stillRunning = pod("Running", null, List.of(), List.of(), List.of(running()));
        Pod evicted = pod("Failed", "Evicted", List.of(), List.of(), List.of());

        assertThat(map(failed, List.of(stillRunning))).isEqualTo(new Observation.Waiting(
                "Job kiln-k7xq2m4pza-image-amd64-1 failed (BackoffLimitExceeded); waiting for its pod's final status", null));
        assertThat(map(failed, List.of(evicted)))
                .isEqualTo(new Observation.Failed("evicted", "The node was low on resource: ephemeral-storage."));
    }

    @Test
    void aJobThatFailedLongerAgoThanTheGraceIsReportedWithWhatItSays() {
        Pod stillRunning = pod("Running", null, List.of(), List.of(), List.of(running()));

        assertThat(map(failedAt(NOW.minus(JobStatusMapper.POD_STATUS_GRACE)), List.of(stillRunning))).isEqualTo(
                new Observation.Failed("job-failed", "BackoffLimitExceeded: Job has reached the specified backoff limit"));
        assertThat(map(failedAt(NOW.minusSeconds(1)), List.of())).as("no pod to wait for").isEqualTo(
                new Observation.Failed("job-failed", "BackoffLimitExceeded: Job has reached the specified backoff limit"));
    }

    private static Job failedAt(Instant at) {
        return new JobBuilder().withNewMetadata().withName("kiln-k7xq2m4pza-image-amd64-1").endMetadata()
                .withNewSpec().withActiveDeadlineSeconds(14400L).endSpec()
                .withNewStatus().withConditions(new JobConditionBuilder().withType("Failed").withStatus("True")
                        .withReason("BackoffLimitExceeded").withMessage("Job has reached the specified backoff limit")
                        .withLastTransitionTime(at.toString()).build()).endStatus().build();
    }
}
