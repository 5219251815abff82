package dev.kiln.runner.support;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Plays the Job controller and kubelet against the mock API server, which has neither: for each Kiln Job
 * created it creates the pod, stubs its log, and moves Job and pod through the states {@link Outcome}
 * says. A successful step leaves {@code kiln-test/<version>/<run>.txt} in the fake cache, as a real step
 * uploads its outputs. Records how often each Job name was created.
 */
public final class TestKubelet implements AutoCloseable {

    /**
     * What happens to a Job's pod. {@code SUCCEED_POD_UNSEEN}: the pod lacks Kiln's managed-by label, so the
     * runner's pod cache never has it (a cache that is behind, for good); {@code SUCCEED_POD_DELETED}: the pod
     * is deleted before the Job completes, so no log can be read. {@code POD_FORBIDDEN} and {@code QUOTA_EXCEEDED}:
     * no pod, and the Job controller's FailedCreate event says why.
     */
    public enum Outcome {
        SUCCEED, SUCCEED_POD_UNSEEN, SUCCEED_POD_DELETED, FAIL, OOM_KILLED, EVICTED, UNSCHEDULABLE, HOLD, NO_POD,
        POD_FORBIDDEN, QUOTA_EXCEEDED
    }

    public static final String POD_SECURITY_REFUSAL = "is forbidden: violates PodSecurity \"baseline:latest\": privileged "
            + "(container \"step\" must not set securityContext.privileged=true)";
    public static final String QUOTA_REFUSAL = "is forbidden: exceeded quota: build-quota, requested: requests.cpu=4, "
            + "used: requests.cpu=64, limited: requests.cpu=64";

    private final BiConsumer<String, String> stub;
    private final KubernetesClient client;
    private final FakeCache cache;
    private final Clock clock;
    private final String namespace;
    private final Map<String, Integer> created = new ConcurrentHashMap<>();
    private final Map<String, Instant> completedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> addedAt = new ConcurrentHashMap<>();
    private final Map<String, Job> held = new ConcurrentHashMap<>();
    private final ExecutorService worker;
    private final Watch watch;
    private volatile Function<Job, Outcome> behaviour = job -> Outcome.SUCCEED;

    /** A kubelet for the Quarkus test's mock server, stubbing each pod's log. */
    public TestKubelet(KubernetesServer server, FakeCache cache, int threads) {
        this(server.getClient(), (path, body) -> server.expect().get().withPath(path).andReturn(200, body).always(),
                cache, threads);
    }

    /**
     * A kubelet for any API server; {@code stub} (path, body) answers what the mock server cannot (pod logs,
     * events selected by involved object) and may be null when those do not matter.
     */
    public TestKubelet(KubernetesClient client, BiConsumer<String, String> stub, FakeCache cache,
            int threads) {
        this.stub = stub;
        this.client = client;
        this.cache = cache;
        this.clock = Clock.systemUTC();
        this.namespace = client.getNamespace();
        this.worker = Executors.newFixedThreadPool(threads);
        this.watch = client.batch().v1().jobs().inNamespace(namespace).withLabel("app.kubernetes.io/managed-by", "kiln")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Job job) {
                        if (action == Action.ADDED) {
                            addedAt.putIfAbsent(job.getMetadata().getName(), clock.instant());
                            created.merge(job.getMetadata().getName(), 1, Integer::sum);
                            worker.execute(() -> start(job));
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        // the test is over
                    }
                });
    }

    public TestKubelet behave(Function<Job, Outcome> decide) {
        this.behaviour = decide;
        return this;
    }

    /** How often each Job name was created. */
    public Map<String, Integer> created() {
        return Map.copyOf(created);
    }

    /** When the kubelet marked each Job finished (for latency figures). */
    public Map<String, Instant> completedAt() {
        return completedAt;
    }

    /** When the kubelet first saw each Job (its creation, as far as a watcher can tell). */
    public Map<String, Instant> addedAt() {
        return addedAt;
    }

    public List<String> heldJobs() {
        return List.copyOf(held.keySet());
    }

    /** Finishes a held Job the given way. */
    public void release(String jobName, Outcome outcome) {
        Job job = held.remove(jobName);
        if (job != null) {
            worker.execute(() -> {
                try {
                    finish(job, pod(job), outcome);
                } catch (RuntimeException e) {
                    System.err.println("test kubelet: " + jobName + ": " + e);
                }
            });
        }
    }

    private void start(Job job) {
        try {
            Outcome outcome = behaviour.apply(job);
            if (outcome == Outcome.NO_POD) {
                return;
            }
            if (outcome == Outcome.POD_FORBIDDEN || outcome == Outcome.QUOTA_EXCEEDED) {
                failedCreate(job, outcome == Outcome.POD_FORBIDDEN ? POD_SECURITY_REFUSAL : QUOTA_REFUSAL);
                return;
            }
            Map<String, String> labels = new java.util.HashMap<>(job.getSpec().getTemplate().getMetadata().getLabels());
            if (outcome == Outcome.SUCCEED_POD_UNSEEN) {
                labels.remove("app.kubernetes.io/managed-by");
            }
            Pod pod = client.pods().inNamespace(namespace).resource(new PodBuilder()
                    .withNewMetadata().withName(job.getMetadata().getName() + "-pod").withLabels(labels)
                    .withCreationTimestamp(clock.instant().toString()).endMetadata()
                    .withSpec(job.getSpec().getTemplate().getSpec()).build()).create();
            if (stub != null && outcome != Outcome.SUCCEED_POD_DELETED) {
                stub.accept("/api/v1/namespaces/" + namespace + "/pods/" + pod.getMetadata().getName()
                        + "/log?container=step", "log of " + job.getMetadata().getName() + "\n");
            }
            switch (outcome) {
                case HOLD -> {
                    podStatus(pod, "Running", null, List.of(state("step", null, null)), null);
                    held.put(job.getMetadata().getName(), job);
                }
                case UNSCHEDULABLE -> podStatus(pod, "Pending", null, List.of(), unschedulable());
                default -> finish(job, pod, outcome);
            }
        } catch (RuntimeException e) {
            System.err.println("test kubelet: " + job.getMetadata().getName() + ": " + e);
        }
    }

    /**
     * What the Job controller records when the API server refuses the pod it tries to create. The mock server
     * cannot select events by involved object, so the selected list is stubbed as a real server answers it.
     */
    private void failedCreate(Job job, String refusal) {
        String name = job.getMetadata().getName();
        Event event = client.v1().events().inNamespace(namespace).resource(new EventBuilder()
                .withNewMetadata().withName(name + ".failedcreate").endMetadata()
                .withNewInvolvedObject().withKind("Job").withName(name).withNamespace(namespace)
                .withUid(job.getMetadata().getUid()).endInvolvedObject()
                .withReason("FailedCreate").withType("Warning")
                .withMessage("Error creating: pods \"" + name + "-x7k2p\" " + refusal)
                .withLastTimestamp(clock.instant().toString()).build()).create();
        if (stub != null) {
            stub.accept("/api/v1/namespaces/" + namespace + "/events?fieldSelector=involvedObject.name%3D" + name,
                    Serialization.asJson(new EventListBuilder().withItems(event).build()));
        }
    }

    private void finish(Job job, Pod pod, Outcome outcome) {
        switch (outcome) {
            case SUCCEED, SUCCEED_POD_UNSEEN -> {
                writeOutput(job);
                podStatus(pod, "Succeeded", null, List.of(state("step", 0, "Completed")), null);
                jobCondition(job, "Complete", null);
            }
            case SUCCEED_POD_DELETED -> {
                writeOutput(job);
                client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).delete();
                jobCondition(job, "Complete", null);
            }
            case FAIL -> {
                podStatus(pod, "Failed", null, List.of(state("step", 1, "Error")), null);
                jobCondition(job, "Failed", "BackoffLimitExceeded");
            }
            case OOM_KILLED -> {
                podStatus(pod, "Failed", null, List.of(state("step", 137, "OOMKilled")), null);
                jobCondition(job, "Failed", "BackoffLimitExceeded");
            }
            case EVICTED -> {
                podStatus(pod, "Failed", "Evicted", List.of(), null);
                jobCondition(job, "Failed", "BackoffLimitExceeded");
            }
            default -> throw new IllegalArgumentException("not an end: " + outcome);
        }
        completedAt.put(job.getMetadata().getName(), clock.instant());
    }

    private void writeOutput(Job job) {
        Map<String, String> env = new java.util.HashMap<>();
        for (EnvVar var : job.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        cache.put("kiln-test/" + env.get("KILN_VERSION") + "/" + env.get("KILN_RUN") + ".txt", job.getMetadata().getName());
    }

    private Pod pod(Job job) {
        return client.pods().inNamespace(namespace).withName(job.getMetadata().getName() + "-pod").get();
    }

    private void podStatus(Pod pod, String phase, String reason, List<ContainerStatus> containers,
            io.fabric8.kubernetes.api.model.PodCondition condition) {
        Pod current = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).get();
        current.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase(phase).withReason(reason)
                .withMessage(reason == null ? null : "The node was low on resource: memory.")
                .withContainerStatuses(containers).withConditions(condition == null ? List.of() : List.of(condition))
                .build());
        client.pods().inNamespace(namespace).resource(current).updateStatus();
    }

    private void jobCondition(Job job, String type, String reason) {
        Job current = client.batch().v1().jobs().inNamespace(namespace).withName(job.getMetadata().getName()).get();
        if (current == null) {
            return;
        }
        current.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
                .withConditions(new JobConditionBuilder().withType(type).withStatus("True").withReason(reason)
                        .withLastTransitionTime(clock.instant().toString()).build())
                .withSucceeded("Complete".equals(type) ? 1 : 0).withFailed("Failed".equals(type) ? 1 : 0).build());
        client.batch().v1().jobs().inNamespace(namespace).resource(current).updateStatus();
    }

    private io.fabric8.kubernetes.api.model.PodCondition unschedulable() {
        return new PodConditionBuilder().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient cpu.")
                .withLastTransitionTime(clock.instant().toString()).build();
    }

    private static ContainerStatus state(String name, Integer exitCode, String reason) {
        ContainerStatusBuilder status = new ContainerStatusBuilder().withName(name).withImage("test");
        if (exitCode == null) {
            return status.withNewState().withNewRunning().endRunning().endState().build();
        }
        return status.withNewState().withNewTerminated().withExitCode(exitCode).withReason(reason).endTerminated()
                .endState().build();
    }

    @Override
    public void close() {
        watch.close();
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
