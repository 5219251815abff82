package dev.kiln.runner.execution.k8s;

import dev.kiln.runner.domain.port.Observation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Asks the API server for the events of a Job that has had no pod for {@link #GRACE}, at most once per
 * {@link #INTERVAL} per Job, so that a pod refused by admission or a quota is reported in Kubernetes' words
 * instead of "no pod yet". Jobs whose pod comes within the grace (nearly all) cost no request.
 */
final class PodCreationEvents {

    static final Duration GRACE = Duration.ofSeconds(5);
    static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(PodCreationEvents.class);

    private record Lookup(Instant at, Optional<Observation> found) {
    }

    private final KubernetesClient client;
    private final String namespace;
    private final Clock clock;
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

    PodCreationEvents(KubernetesClient client, String namespace, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
    }

    Optional<Observation> problemOf(String jobName, Instant createdAt) {
        Instant now = clock.instant();
        if (now.isBefore(createdAt.plus(GRACE))) {
            return Optional.empty();
        }
        Lookup last = lookups.get(jobName);
        if (last != null && now.isBefore(last.at().plus(INTERVAL))) {
            return last.found();
        }
        Optional<Observation> found = read(jobName);
        lookups.put(jobName, new Lookup(now, found));
        return found;
    }

    void forget(String jobName) {
        lookups.remove(jobName);
    }

    private Optional<Observation> read(String jobName) {
        try {
            return PodCreationFailures.of(jobName, client.v1().events().inNamespace(namespace)
                    .withField("involvedObject.name", jobName).list().getItems());
        } catch (KubernetesClientException e) {
            LOG.debugf("cannot read the events of Job %s: %s", jobName, e.getMessage());
            return Optional.empty();
        }
    }
}
