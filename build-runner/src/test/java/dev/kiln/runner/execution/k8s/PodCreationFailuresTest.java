package dev.kiln.runner.execution.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.runner.domain.port.Observation;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodCreationFailuresTest {

    private static final String JOB = "kiln-k7xq2m4pza-image-amd64-1";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Pod Security      | failed  | Error creating: pods "kiln-k7xq2m4pza-image-amd64-1-5xq2p" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), privileged (containers "docker", "step" must not set securityContext.privileged=true)
            LimitRange        | failed  | Error creating: pods "kiln-k7xq2m4pza-image-amd64-1-5xq2p" is forbidden: maximum cpu usage per Container is 4, but limit is 8
            webhook           | failed  | Error creating: admission webhook "validation.gatekeeper.sh" denied the request: [privileged-containers] Privileged container is not allowed: step
            quota             | waiting | Error creating: pods "kiln-k7xq2m4pza-image-amd64-1-5xq2p" is forbidden: exceeded quota: build-quota, requested: requests.cpu=8, used: requests.cpu=60, limited: requests.cpu=64
            service account   | waiting | Error creating: pods "kiln-k7xq2m4pza-image-amd64-1-5xq2p" is forbidden: error looking up service account kiln-builds/kiln-signer: serviceaccount "kiln-signer" not found
            API server hiccup | waiting | Error creating: Timeout: request did not complete within requested timeout - context deadline exceeded
            """)
    void aFailedCreateEventSaysWhetherTheAttemptFailsNowOrWaits(String what, String outcome, String message) {
        Observation observed = PodCreationFailures.of(JOB, List.of(event(JOB, "FailedCreate", message, "2026-12-06T21:00:05Z")))
                .orElseThrow();

        if (outcome.equals("failed")) {
            assertThat(observed).isEqualTo(new Observation.Failed("pod-forbidden",
                    "Kubernetes refused the pod of Job " + JOB + ": " + message));
        } else {
            assertThat(observed).isEqualTo(new Observation.Waiting(
                    "Job " + JOB + " cannot create its pod yet: " + message, null));
        }
    }

    @Test
    void theLatestFailedCreateOfThisJobCounts() {
        List<Event> events = List.of(
                event(JOB, "FailedCreate", "Error creating: pods \"p\" is forbidden: exceeded quota: q", "2026-12-06T21:00:01Z"),
                event(JOB, "FailedCreate", "Error creating: pods \"p\" is forbidden: violates PodSecurity \"restricted:latest\"",
                        "2026-12-06T21:00:09Z"),
                event(JOB, "SuccessfulCreate", "Created pod: p", "2026-12-06T21:00:20Z"),
                event("kiln-k7xq2m4pza-image-arm64-1", "FailedCreate", "Error creating: unrelated", "2026-12-06T21:00:30Z"));

        assertThat(PodCreationFailures.of(JOB, events)).get().isInstanceOf(Observation.Failed.class);
    }

    @Test
    void withoutFailedCreateThereIsNothingToSay() {
        assertThat(PodCreationFailures.of(JOB, List.of(event(JOB, "SuccessfulCreate", "Created pod: p",
                "2026-12-06T21:00:20Z")))).isEmpty();
    }

    private static Event event(String job, String reason, String message, String lastTimestamp) {
        return new EventBuilder().withNewMetadata().withName(job + "." + lastTimestamp.hashCode()).endMetadata()
                .withNewInvolvedObject().withKind("Job").withName(job).endInvolvedObject()
                .withReason(reason).withMessage(message).withLastTimestamp(lastTimestamp).build();
    }
}
