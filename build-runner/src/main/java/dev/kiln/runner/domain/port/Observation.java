package dev.kiln.runner.domain.port;

import java.time.Instant;

/** What an executor currently knows about one attempt of a step run. */
public sealed interface Observation {

    /** The executor has nothing for this attempt (never launched, lost, or deleted); {@code reason} says which. */
    record NotFound(String reason) implements Observation {
    }

    /**
     * Launched but not running yet (pod pending, image pulling). {@code unschedulableSince} is set while
     * the scheduler cannot place it; {@code message} then says why.
     */
    record Waiting(String message, Instant unschedulableSince) implements Observation {
    }

    /** Its process or container runs. */
    record Running() implements Observation {
    }

    /** It exited 0. */
    record Succeeded() implements Observation {
    }

    /**
     * It failed: {@code reason} is a stable slug (exit-code, deadline-exceeded, oom-killed, evicted,
     * image-pull-error, unschedulable, pod-forbidden, ...), {@code detail} a sentence for people.
     */
    record Failed(String reason, String detail) implements Observation {
    }
}
