package dev.kiln.runner.execution.k8s;

import dev.kiln.runner.domain.port.Observation;
import io.fabric8.kubernetes.api.model.Event;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads why the Job controller could not create a Job's pod from its {@code FailedCreate} events. Admission
 * refusals (Pod Security, a LimitRange, a validating webhook) will refuse every retry, so the attempt fails at
 * once; an exceeded ResourceQuota or a ServiceAccount not created yet may clear, so the attempt keeps waiting
 * (until the pending limit) with Kubernetes' own words as its message.
 */
final class PodCreationFailures {

    private PodCreationFailures() {
    }

    static Optional<Observation> of(String jobName, List<Event> events) {
        return events.stream()
                .filter(e -> "FailedCreate".equals(e.getReason()))
                .filter(e -> e.getInvolvedObject() != null && "Job".equals(e.getInvolvedObject().getKind())
                        && jobName.equals(e.getInvolvedObject().getName()))
                .max(Comparator.comparing(PodCreationFailures::lastSeen))
                .map(e -> classify(jobName, e.getMessage() == null ? "" : e.getMessage().strip()));
    }

    private static Observation classify(String jobName, String message) {
        if (mayClear(message)) {
            return new Observation.Waiting("Job " + jobName + " cannot create its pod yet: " + message, null);
        }
        return new Observation.Failed("pod-forbidden", "Kubernetes refused the pod of Job " + jobName + ": " + message);
    }

    private static boolean mayClear(String message) {
        boolean refused = message.contains(" is forbidden: ") || message.contains("admission webhook");
        return !refused || message.contains("exceeded quota") || message.contains("error looking up service account");
    }

    private static String lastSeen(Event event) {
        for (String time : new String[] { event.getLastTimestamp(), event.getEventTime() == null ? null
                : event.getEventTime().getTime(), event.getMetadata() == null ? null
                : event.getMetadata().getCreationTimestamp() }) {
            if (time != null && !time.isEmpty()) {
                return time;
            }
        }
        return "";
    }
}
