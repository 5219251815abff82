package dev.kiln.runner.execution.k8s;

import dev.kiln.runner.domain.port.AttemptLog;
import dev.kiln.runner.domain.port.Observation;
import dev.kiln.runner.domain.port.PortException;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepExecutor;
import dev.kiln.runner.domain.port.StepLaunch;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One Kubernetes Job per attempt. Informers on Kiln's Jobs and pods (by label) keep a local cache that
 * {@link #observe} reads and that tells the engine which build changed; a Job missing from the cache is
 * confirmed with the API server before it counts as vanished; a Job without a pod is explained by its
 * FailedCreate events, read outside the reconcile pass ({@link PodCreationEvents}). Creating an existing Job (same deterministic
 * name) changes nothing, so a relaunch after a restart never runs an attempt twice.
 */
public class KubernetesExecutor implements StepExecutor {

    private static final Logger LOG = Logger.getLogger(KubernetesExecutor.class);
    private static final String BY_JOB = "job";
    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(60);

    private final KubernetesClient client;
    private final JobSettings settings;
    private final Duration vanishGrace;
    private final Clock clock;
    /** Jobs this replica created, by name, until their attempt is released or their build ends. */
    private final Map<String, Launched> created = new ConcurrentHashMap<>();
    /** The step token each build's Secret holds, as this runner last wrote it. */
    private final Map<String, String> stepTokens = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final LiveInformer<Job> jobInformer;
    private final LiveInformer<Pod> podInformer;
    private final PodCreationEvents podCreation;

    public KubernetesExecutor(KubernetesClient client, JobSettings settings, Duration vanishGrace, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.vanishGrace = vanishGrace;
        this.clock = clock;
        this.jobInformer = new LiveInformer<>("jobs", () -> client.batch().v1().jobs().inNamespace(settings.namespace())
                .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_KILN).runnableInformer(0).itemStore(SlimStore.forJobs()),
                Map.of(), new Notify<>());
        this.podInformer = new LiveInformer<>("pods", () -> client.pods().inNamespace(settings.namespace())
                .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_KILN).runnableInformer(0).itemStore(SlimStore.forPods()),
                Map.of(BY_JOB, pod -> List.of(label(pod, Labels.JOB))), new Notify<>());
        this.podCreation = new PodCreationEvents(client, settings.namespace(), clock,
                build -> listeners.forEach(l -> l.accept(build)));
        LOG.infof("watching Kiln Jobs in namespace %s", settings.namespace());
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public void launch(StepLaunch launch) {
        String name = JobNames.of(launch.handle());
        if (created.containsKey(name) || jobInformer.get().getStore().getByKey(key(name)) != null) {
            return;
        }
        writeStepToken(launch);
        try {
            client.resource(JobFactory.build(launch, settings)).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            LOG.debugf("Job %s exists already", name);
        }
        created.put(name, new Launched(launch.handle().buildId(), clock.instant()));
    }

    /** Creates or updates the build's Secret unless this runner wrote the same token already. */
    private void writeStepToken(StepLaunch launch) {
        String buildId = launch.handle().buildId();
        if (launch.cacheToken() == null || launch.cacheToken().equals(stepTokens.get(buildId))) {
            return;
        }
        client.resource(StepTokenSecret.build(settings.namespace(), buildId, launch.cacheToken()))
                .createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        stepTokens.put(buildId, launch.cacheToken());
    }

    @Override
    public Observation observe(RunHandle handle) {
        String name = JobNames.of(handle);
        Job job = jobInformer.get().getStore().getByKey(key(name));
        if (job == null) {
            Launched launched = created.get(name);
            if (launched != null && clock.instant().isBefore(launched.at().plus(vanishGrace))) {
                return new Observation.Waiting("Job " + name + " created; waiting for it to show up", null);
            }
            job = client.batch().v1().jobs().inNamespace(settings.namespace()).withName(name).get();
            if (job == null) {
                return new Observation.NotFound("Job " + name + " does not exist (deleted, expired or never created)");
            }
        }
        List<Pod> pods = podsOf(name);
        Observation observed = JobStatusMapper.map(job, pods, clock.instant());
        if (observed instanceof Observation.Waiting && pods.isEmpty()) {
            return podCreation.problemOf(name, handle.buildId(), createdAt(job)).orElse(observed);
        }
        return observed;
    }

    @Override
    public void stop(RunHandle handle) {
        String name = JobNames.of(handle);
        client.batch().v1().jobs().inNamespace(settings.namespace()).withName(name)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        created.remove(name);
        podCreation.forget(name);
    }

    /**
     * Reads the log of the Job's latest pod with one GET. The pod comes from the cache or, when the cache has
     * none (it may be behind), from the API server; when neither has one the log is missing, and why is said.
     */
    @Override
    public AttemptLog openLog(RunHandle handle) {
        String name = JobNames.of(handle);
        Optional<Pod> pod = latest(podsOf(name)).or(() -> latest(podsOnServer(name)));
        if (pod.isEmpty()) {
            return new AttemptLog.Missing("no pod of Job " + name + " exists on the API server (" + jobFate(name) + ")");
        }
        return logOf(pod.get().getMetadata().getName());
    }

    @Override
    public void forget(RunHandle handle) {
        created.remove(JobNames.of(handle));
        podCreation.forget(JobNames.of(handle));
    }

    @Override
    public void buildFinished(String buildId) {
        created.values().removeIf(launched -> launched.buildId().equals(buildId));
        stepTokens.remove(buildId);
        try {
            client.secrets().inNamespace(settings.namespace()).withName(StepTokenSecret.nameOf(buildId)).delete();
        } catch (KubernetesClientException e) {
            // the token in it is revoked already; the Secret is only clutter
            LOG.warnf("cannot delete Secret %s: %s", StepTokenSecret.nameOf(buildId), e.getMessage());
        }
    }

    @Override
    public Set<RunHandle> known() {
        return jobInformer.get().getStore().list().stream().filter(job -> !finished(job)).map(KubernetesExecutor::handleOf)
                .flatMap(Optional::stream).collect(Collectors.toSet());
    }

    @Override
    public boolean confirmRunning(RunHandle handle) {
        try {
            Job job = client.batch().v1().jobs().inNamespace(settings.namespace()).withName(JobNames.of(handle)).get();
            return job != null && !finished(job);
        } catch (KubernetesClientException e) {
            LOG.debugf("cannot confirm that %s runs: %s", handle, e.getMessage());
            return false;
        }
    }

    @Override
    public String referenceOf(RunHandle handle) {
        return JobNames.of(handle);
    }

    @Override
    public void onChange(Consumer<String> buildChanged) {
        listeners.add(buildChanged);
    }

    /** Stops the informers and the event lookups. */
    public void shutdown() {
        jobInformer.close();
        podInformer.close();
        podCreation.close();
    }

    /** The API server stamps every Job; one without a stamp counts as old, so its events are read. */
    private static Instant createdAt(Job job) {
        String created = job.getMetadata().getCreationTimestamp();
        return created == null || created.isEmpty() ? Instant.EPOCH : Instant.parse(created);
    }

    private List<Pod> podsOf(String jobName) {
        return podInformer.get().getIndexer().byIndex(BY_JOB, jobName);
    }

    private List<Pod> podsOnServer(String jobName) {
        try {
            return client.pods().inNamespace(settings.namespace()).withLabel(Labels.JOB, jobName).list().getItems();
        } catch (KubernetesClientException e) {
            throw new PortException("listing the pods of Job " + jobName + " failed: " + e.getMessage(), false, e);
        }
    }

    private String jobFate(String jobName) {
        Job job;
        try {
            job = client.batch().v1().jobs().inNamespace(settings.namespace()).withName(jobName).get();
        } catch (KubernetesClientException e) {
            return "the Job could not be read: " + e.getMessage();
        }
        return job == null ? "the Job is gone too: deleted, cancelled or expired after its TTL"
                : "the Job exists; its pod was deleted or never created";
    }

    /**
     * A plain GET of the step container's log: Fabric8's {@code getLogInputStream()} first waits for the pod
     * to be ready through a one-pod informer (a list and a watch per log), which a finished pod does not need.
     */
    private AttemptLog logOf(String pod) {
        String url = client.getMasterUrl().toString().replaceAll("/+$", "") + "/api/v1/namespaces/" + settings.namespace()
                + "/pods/" + pod + "/log?container=" + JobFactory.STEP_CONTAINER;
        HttpClient http = client.getHttpClient();
        HttpResponse<InputStream> response;
        try {
            response = http.sendAsync(http.newHttpRequestBuilder().uri(url).build(), InputStream.class)
                    .get(LOG_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PortException("reading the log of pod " + pod + " failed: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortException("interrupted while reading the log of pod " + pod, false, e);
        }
        if (response.isSuccessful()) {
            return new AttemptLog.Available(response.body());
        }
        closeQuietly(response.body());
        if (response.code() == 404) {
            return new AttemptLog.Missing("pod " + pod + " is gone or has no log of container "
                    + JobFactory.STEP_CONTAINER + " (HTTP 404)");
        }
        throw new PortException("reading the log of pod " + pod + " failed: HTTP " + response.code(), false, null);
    }

    private static Optional<Pod> latest(List<Pod> pods) {
        return pods.stream().max(Comparator.comparing(
                p -> p.getMetadata().getCreationTimestamp() == null ? "" : p.getMetadata().getCreationTimestamp()));
    }

    private static void closeQuietly(InputStream in) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            LOG.debugf("closing a log response: %s", e.getMessage());
        }
    }

    private String key(String name) {
        return settings.namespace() + "/" + name;
    }

    private static boolean finished(Job job) {
        return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions()
                .stream().anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                        && "True".equals(c.getStatus()));
    }

    private static Optional<RunHandle> handleOf(Job job) {
        String build = label(job, Labels.BUILD);
        String run = label(job, Labels.RUN);
        String attempt = label(job, Labels.ATTEMPT);
        if (build == null || run == null || attempt == null || !attempt.matches("[0-9]+")) {
            return Optional.empty();
        }
        return Optional.of(new RunHandle(build, run, Integer.parseInt(attempt)));
    }

    private static String label(HasMetadata resource, String name) {
        Map<String, String> labels = resource.getMetadata().getLabels();
        return labels == null ? null : labels.get(name);
    }

    private record Launched(String buildId, Instant at) {
    }

    /** Tells the engine which build a Job or pod event belongs to. */
    private final class Notify<T extends HasMetadata> implements ResourceEventHandler<T> {

        @Override
        public void onAdd(T resource) {
            notifyBuild(resource);
        }

        @Override
        public void onUpdate(T before, T after) {
            notifyBuild(after);
        }

        @Override
        public void onDelete(T resource, boolean unknownFinalState) {
            notifyBuild(resource);
        }

        private void notifyBuild(T resource) {
            String build = label(resource, Labels.BUILD);
            if (build != null) {
                listeners.forEach(l -> l.accept(build));
            }
        }
    }
}
