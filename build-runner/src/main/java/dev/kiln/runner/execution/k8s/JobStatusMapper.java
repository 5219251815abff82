package dev.kiln.runner.execution.k8s;

import dev.kiln.runner.domain.port.Observation;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads what a step Job and its pod say into an {@link Observation}, as a pure function. Failures get a
 * stable reason: {@code deadline-exceeded}, {@code oom-killed}, {@code evicted}, {@code image-pull-error},
 * {@code container-config-error}, {@code checkout-failed}, {@code exit-code}, {@code job-failed}; a pod the
 * scheduler cannot place is waiting with the time it became unschedulable. A Job that failed moments ago while its
 * cached pod still looks alive is waiting for {@link #POD_STATUS_GRACE}: the Job and its pod come through two watches,
 * and the pod's final status (evicted, OOM-killed, an exit code) says more than the Job's "BackoffLimitExceeded".
 */
public final class JobStatusMapper {

    private static final Set<String> IMAGE_PULL = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull", "RegistryUnavailable");
    private static final Set<String> CONFIG_ERRORS = Set.of("CreateContainerConfigError", "CreateContainerError",
            "RunContainerError");

    /** How long a failed Job's reason waits for its pod's final status to reach the cache. */
    static final Duration POD_STATUS_GRACE = Duration.ofSeconds(5);

    private JobStatusMapper() {
    }

    public static Observation map(Job job, List<Pod> pods, Instant now) {
        Optional<Pod> pod = pods.stream().max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp() == null
                ? "" : p.getMetadata().getCreationTimestamp()));
        if (condition(job, "Complete")) {
            return new Observation.Succeeded();
        }
        if (condition(job, "Failed") || condition(job, "FailureTarget")) {
            return jobFailure(job, pod, now);
        }
        if (job.getStatus() != null && job.getStatus().getSucceeded() != null && job.getStatus().getSucceeded() > 0) {
            return new Observation.Succeeded();
        }
        return pod.map(JobStatusMapper::fromPod).orElseGet(() -> new Observation.Waiting(noPodYet(job), null));
    }

    private static String noPodYet(Job job) {
        String name = job.getMetadata() == null ? "" : job.getMetadata().getName();
        return "no pod of Job " + name + " yet (a ResourceQuota or Pod Security admission may refuse it: "
                + "see kubectl describe job " + name + ")";
    }

    private static Observation jobFailure(Job job, Optional<Pod> pod, Instant now) {
        JobCondition failed = conditionOf(job, "Failed").or(() -> conditionOf(job, "FailureTarget")).orElseThrow();
        if ("DeadlineExceeded".equals(failed.getReason())) {
            return new Observation.Failed("deadline-exceeded", "the Job ran longer than its activeDeadlineSeconds ("
                    + job.getSpec().getActiveDeadlineSeconds() + "s)");
        }
        Optional<Observation> fromPod = pod.flatMap(JobStatusMapper::podFailure);
        if (fromPod.isPresent()) {
            return fromPod.get();
        }
        if (pod.isPresent() && !terminal(pod.get()) && failedMomentsAgo(failed, now)) {
            return new Observation.Waiting("Job " + job.getMetadata().getName() + " failed ("
                    + failed.getReason() + "); waiting for its pod's final status", null);
        }
        return new Observation.Failed("job-failed",
                failed.getReason() + (failed.getMessage() == null ? "" : ": " + failed.getMessage()));
    }

    private static boolean terminal(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Failed".equals(phase) || "Succeeded".equals(phase);
    }

    /** Without a transition time (no real API server omits it) there is nothing to wait from. */
    private static boolean failedMomentsAgo(JobCondition failed, Instant now) {
        String at = failed.getLastTransitionTime();
        return at != null && !at.isEmpty() && now.isBefore(Instant.parse(at).plus(POD_STATUS_GRACE));
    }

    private static Observation fromPod(Pod pod) {
        Optional<Observation> failure = podFailure(pod);
        if (failure.isPresent()) {
            return failure.get();
        }
        String phase = pod.getStatus() == null ? "Pending" : pod.getStatus().getPhase();
        if ("Succeeded".equals(phase)) {
            return new Observation.Succeeded();
        }
        if ("Running".equals(phase)) {
            return new Observation.Running();
        }
        Optional<PodCondition> unschedulable = podCondition(pod, "PodScheduled")
                .filter(c -> "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()));
        if (unschedulable.isPresent()) {
            PodCondition c = unschedulable.get();
            Instant since = c.getLastTransitionTime() == null ? null : Instant.parse(c.getLastTransitionTime());
            return new Observation.Waiting(c.getMessage(), since);
        }
        return new Observation.Waiting(waitingReason(pod).orElse("pod " + (phase == null ? "Pending" : phase)), null);
    }

    private static Optional<Observation> podFailure(Pod pod) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        String message = pod.getStatus().getMessage();
        if ("Evicted".equals(pod.getStatus().getReason())) {
            return Optional.of(new Observation.Failed("evicted", message == null ? "the pod was evicted" : message));
        }
        Optional<PodCondition> disruption = podCondition(pod, "DisruptionTarget").filter(c -> "True".equals(c.getStatus()));
        if (disruption.isPresent() && "Failed".equals(pod.getStatus().getPhase())) {
            return Optional.of(new Observation.Failed("evicted", disruption.get().getReason() + ": "
                    + disruption.get().getMessage()));
        }
        for (ContainerStatus status : containers(pod).toList()) {
            ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
            if (waiting != null && IMAGE_PULL.contains(waiting.getReason())) {
                return Optional.of(new Observation.Failed("image-pull-error", status.getImage() + ": "
                        + waiting.getReason() + (waiting.getMessage() == null ? "" : " (" + waiting.getMessage() + ")")));
            }
            if (waiting != null && CONFIG_ERRORS.contains(waiting.getReason())) {
                return Optional.of(new Observation.Failed("container-config-error", waiting.getReason()
                        + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage())));
            }
            ContainerStateTerminated terminated = status.getState() == null ? null : status.getState().getTerminated();
            if (terminated != null && "OOMKilled".equals(terminated.getReason())) {
                return Optional.of(new Observation.Failed("oom-killed", "container " + status.getName()
                        + " was OOMKilled (exit code " + terminated.getExitCode() + ")"));
            }
            if (JobFactory.DOCKER_CONTAINER.equals(status.getName())) {
                continue;
            }
            if (terminated != null && terminated.getExitCode() != null && terminated.getExitCode() != 0) {
                boolean checkout = JobFactory.CHECKOUT_CONTAINER.equals(status.getName());
                return Optional.of(new Observation.Failed(checkout ? "checkout-failed" : "exit-code",
                        "container " + status.getName() + " exited with " + terminated.getExitCode()
                                + (terminated.getReason() == null ? "" : " (" + terminated.getReason() + ")")));
            }
        }
        if ("Failed".equals(pod.getStatus().getPhase())) {
            return Optional.of(new Observation.Failed("pod-failed", pod.getStatus().getReason() + ": " + message));
        }
        return Optional.empty();
    }

    private static Stream<ContainerStatus> containers(Pod pod) {
        if (pod.getStatus() == null) {
            return Stream.empty();
        }
        return Stream.concat(Stream.ofNullable(pod.getStatus().getInitContainerStatuses()).flatMap(List::stream),
                Stream.ofNullable(pod.getStatus().getContainerStatuses()).flatMap(List::stream));
    }

    private static Optional<String> waitingReason(Pod pod) {
        return containers(pod).map(s -> s.getState() == null ? null : s.getState().getWaiting())
                .filter(w -> w != null && w.getReason() != null).map(w -> w.getReason()).findFirst();
    }

    private static boolean condition(Job job, String type) {
        return conditionOf(job, type).isPresent();
    }

    private static Optional<JobCondition> conditionOf(Job job, String type) {
        return job.getStatus() == null || job.getStatus().getConditions() == null ? Optional.empty()
                : job.getStatus().getConditions().stream()
                        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    private static Optional<PodCondition> podCondition(Pod pod, String type) {
        return pod.getStatus() == null || pod.getStatus().getConditions() == null ? Optional.empty()
                : pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }
}
