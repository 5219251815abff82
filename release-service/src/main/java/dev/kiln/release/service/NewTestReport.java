package dev.kiln.release.service;

/**
 * A test report as a test system sends it, over REST or on {@code kiln.tests}, before it is checked. {@code attempt}
 * null: the next attempt of its suite on its target; {@code reportId} null: the service makes one up (no redelivery
 * protection then).
 */
public record NewTestReport(String suite, String arch, String vendor, String result, Integer attempt, String detailsUrl,
        String reportId) {
}
