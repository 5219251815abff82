package dev.kiln.localstack.testsystem;

import dev.kiln.events.TestReported;
import java.time.Instant;

/** One run of a suite on a target and its outcome; {@code why} says what decided it, for the log. */
public record Attempt(Target target, int number, boolean passed, String why) {

    /**
     * The report of this attempt. Its {@code reportId} is derived from the candidate event and the attempt, so a
     * candidate tested again after a crash reports the same ids, which release-service takes once.
     */
    public TestReported report(String candidateEventId, String version, String reportedBy, Instant at) {
        return new TestReported(reportId(candidateEventId), version, target.suite(), target.arch(), target.vendor(),
                passed ? "passed" : "failed", reportedBy, null, at, number);
    }

    /** {@code <candidate ce_id>/kola/amd64/qemu_uefi/1}. */
    public String reportId(String candidateEventId) {
        return candidateEventId + "/" + target.suite() + "/" + target.arch()
                + (target.vendor() == null ? "" : "/" + target.vendor()) + "/" + number;
    }
}
