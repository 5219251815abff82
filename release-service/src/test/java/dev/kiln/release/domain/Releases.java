package dev.kiln.release.domain;

import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.release.PipelineInputs;
import dev.kiln.release.domain.release.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Real Flatcar releases for tests, moved to the state a test needs through the public transitions only. */
public final class Releases {

    public static final Instant BUILT = Instant.parse("2026-08-21T21:00:00Z");
    /** The os pipeline as build-runner ran it for these releases. */
    public static final PipelineInputs OS_PIPELINE = new PipelineInputs("os",
            "4be2f6c1a9d03e7b5c8f1a2d6e9b0c3f7a4d8e1b5c9f2a6d0e3b7c1f4a8d2e5b", Map.of("seedSdkVersion", "4593.0.0"));

    private Releases() {
    }

    public static Release candidate(String version) {
        return candidate(version, Optional.of("alice"));
    }

    public static Release candidate(String version, Optional<String> requestedBy) {
        return candidate(version, requestedBy, BUILT);
    }

    private static Release candidate(String version, Optional<String> requestedBy, Instant built) {
        return Release.candidate(Version.parse(version), "3c7d5e2a9f", "k7xq2m4pza", Version.parse("4790.0.0"),
                List.of("amd64", "arm64"), List.of("qemu", "aws"), OS_PIPELINE, requestedBy, "build:k7xq2m4pza", "build succeeded", built);
    }

    public static Release ready(String version) {
        return candidate(version).markReady("gates", "every gate holds", BUILT.plusSeconds(60)).release();
    }

    /** Built and ready a day before {@code at}, published at {@code at}. */
    public static Release published(String version, Instant at) {
        Instant built = at.minus(Duration.ofDays(1));
        return candidate(version, Optional.of("alice"), built).markReady("gates", "every gate holds", built)
                .release().publish("bob", "go", at).release();
    }

    public static Release superseded(String version, Instant at) {
        return published(version, at).supersede("bob", "newer release", at.plusSeconds(3600)).release();
    }

    public static Release withdrawn(String version, Instant at) {
        return published(version, at).withdraw("bob", "CVE in kernel", at.plusSeconds(3600)).release();
    }
}
