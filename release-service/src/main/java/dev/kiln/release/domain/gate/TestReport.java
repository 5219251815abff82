package dev.kiln.release.domain.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of one suite on one target, as a test system reported it. {@code vendor} is null for a report about
 * the architecture as a whole. {@code attempt} is the tester's number (the service numbers reports without one
 * as the next attempt of their target); {@code reportId} makes redelivered reports harmless.
 */
public record TestReport(String reportId, String suite, String arch, String vendor, Result result, int attempt,
        String detailsUrl, Instant receivedAt) {

    public enum Result {
        PASSED,
        FAILED
    }

    public TestReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
    }

    public boolean passed() {
        return result == Result.PASSED;
    }
}
