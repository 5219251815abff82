package dev.kiln.release.domain.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One line of a gate report: what is required, where it stands, and the evidence that decides it. */
public sealed interface Requirement {

    Status status();

    /** For people: why the status is what it is. */
    String detail();

    /** A suite on one target; {@code vendor} null when per arch. {@code attempts} in attempt order, all kept. */
    record Suite(String suite, String arch, String vendor, int flakeAttempts, List<TestReport> attempts, Status status,
            String detail) implements Requirement {
        public Suite {
            attempts = List.copyOf(attempts);
        }
    }

    /** The source release's time in the previous channel; {@code remaining} is zero once met. */
    record Soak(Duration minimum, Optional<Instant> sourcePublishedAt, Duration remaining, Status status, String detail)
            implements Requirement {
    }

    /** Releasers' decisions; {@code counted} the identities whose approval counts, {@code decisions} all received. */
    record Approvals(int required, List<String> counted, List<Approval> decisions, Status status, String detail)
            implements Requirement {
        public Approvals {
            counted = List.copyOf(counted);
            decisions = List.copyOf(decisions);
        }
    }
}
