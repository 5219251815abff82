package dev.kiln.runner.execution.k8s;

import dev.kiln.runner.domain.port.Observation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Asks the API server for the events of a Job that has had no pod for {@link #GRACE}, at most once per
 * {@link #INTERVAL} per Job, so that a pod refused by admission or a quota is reported in Kubernetes' words
 * instead of "no pod yet". Jobs whose pod comes within the grace (nearly all) cost no request.
 *
 * <p>The request never runs inside a reconcile pass: {@link #problemOf} answers from what the last lookup found
 * and starts the next one on a thread of its own; a lookup that finds something new calls {@code found} with the
 * Job's build, so that the build is reconciled again. A reconcile pass holds its build's row lock and one of a few
 * reconcile threads; an events list on a busy API server inside it made every other build wait (P3, issue 16).
 */
final class PodCreationEvents implements AutoCloseable {

    static final Duration GRACE = Duration.ofSeconds(5);
    static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(PodCreationEvents.class);

    private record Lookup(Instant at, Optional<Observation> found) {
    }

    private final KubernetesClient client;
    private final String namespace;
    private final Clock clock;
    private final Consumer<String> found;
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();
    /** Jobs whose lookup is running; a Job forgotten meanwhile is dropped from here, and its answer with it. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService readers = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("kiln-runner-pod-events-", 0).daemon().factory());

    PodCreationEvents(KubernetesClient client, String namespace, Clock clock, Consumer<String> found) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
        this.found = found;
    }

    /** What the last lookup of the Job's events found; starts a lookup when none ran within {@link #INTERVAL}. */
    Optional<Observation> problemOf(String jobName, String buildId, Instant createdAt) {
        Instant now = clock.instant();
        if (now.isBefore(createdAt.plus(GRACE))) {
            return Optional.empty();
        }
        Lookup last = lookups.get(jobName);
        if ((last == null || !now.isBefore(last.at().plus(INTERVAL))) && inFlight.add(jobName)) {
            readers.execute(() -> refresh(jobName, buildId));
        }
        return last == null ? Optional.empty() : last.found();
    }

    void forget(String jobName) {
        inFlight.remove(jobName);
        lookups.remove(jobName);
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }

    private void refresh(String jobName, String buildId) {
        Optional<Observation> problem = read(jobName);
        if (!inFlight.remove(jobName)) {
            return;
        }
        Lookup before = lookups.put(jobName, new Lookup(clock.instant(), problem));
        if (problem.isPresent() && (before == null || !before.found().equals(problem))) {
            found.accept(buildId);
        }
    }

    private Optional<Observation> read(String jobName) {
        try {
            return PodCreationFailures.of(jobName, client.v1().events().inNamespace(namespace)
                    .withField("involvedObject.name", jobName).list().getItems());
        } catch (KubernetesClientException e) {
            LOG.debugf("cannot read the events of Job %s: %s", jobName, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf(e, "reading the events of Job %s failed", jobName);
            return Optional.empty();
        }
    }
}
