package dev.kiln.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic instance of every event type, with values taken from Flatcar's real builds. */
final class EventSamples {

    private static final Instant AT = Instant.parse("2026-08-21T21:00:00Z");
    private static final String TAG = "main-4799.0.0-nightly-20260821-2100";
    private static final String V = "4799.0.0+nightly-20260821-2100";
    private static final String BUILD = "b-0190c2a1";

    static final Map<EventType<?>, KilnEvent> ALL = Map.ofEntries(
            Map.entry(EventCatalog.VERSION_TAGGED, new VersionTagged(TAG, V, "4799.0.0", "nightly-20260821-2100", V,
                    "developer", "alpha", "main", "ab6d76d957a1d1e0e4cc2b7e6b0a5f4c1f9c6e21", false, AT)),
            Map.entry(EventCatalog.VERSION_DELETED, new VersionDeleted(TAG, V, "garbage collection: older than 14 days", AT)),
            Map.entry(EventCatalog.BUILD_REQUESTED, new BuildRequested(BUILD, "full", "nightly", "main", null,
                    List.of("amd64", "arm64"), List.of("qemu_uefi"), "ci", AT)),
            Map.entry(EventCatalog.BUILD_STARTED, new BuildStarted(BUILD, "full", TAG, V, V,
                    List.of("amd64", "arm64"), List.of("qemu_uefi"), AT)),
            Map.entry(EventCatalog.BUILD_SUCCEEDED, new BuildSucceeded(BUILD, "full", TAG, V, V, List.of("amd64"),
                    List.of("qemu_uefi"), List.of("images/amd64/" + V + "/flatcar_production_image.bin.bz2"), AT, "main",
                    "ab6d76d957a1d1e0e4cc2b7e6b0a5f4c1f9c6e21",
                    "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f", Map.of("seedSdkVersion", "4593.0.0"))),
            Map.entry(EventCatalog.BUILD_FAILED, new BuildFailed(BUILD, "os", "stable-4593.2.5", "4593.2.5",
                    List.of("image-arm64"), "step image-arm64 failed: exit code 1", AT)),
            Map.entry(EventCatalog.BUILD_CANCELLED, new BuildCancelled(BUILD, "full", TAG, V, "superseded", "alice", AT)),
            Map.entry(EventCatalog.STEP_STARTED, new StepStarted(BUILD, "packages", "packages-amd64", TAG, V, "amd64",
                    null, 1, "kubernetes", AT)),
            Map.entry(EventCatalog.STEP_SUCCEEDED, new StepSucceeded(BUILD, "vms", "vms-amd64-qemu_uefi", TAG, V, "amd64",
                    "qemu_uefi", 2, List.of("images/amd64/" + V + "/flatcar_production_qemu_uefi_image.img"),
                    "build-logs/" + V + "/vms-amd64-qemu_uefi.log", AT)),
            Map.entry(EventCatalog.STEP_FAILED, new StepFailed(BUILD, "image", "image-arm64", TAG, V, "arm64", null, 3,
                    "OOMKilled", "build-logs/" + V + "/image-arm64.log", AT)),
            Map.entry(EventCatalog.STEP_SKIPPED, new StepSkipped(BUILD, "sdk_bootstrap", "sdk_bootstrap", TAG, V, null,
                    null, "all outputs exist for " + V, List.of("sdk/amd64/" + V + "/flatcar-sdk-amd64-" + V + ".tar.bz2"),
                    AT)),
            Map.entry(EventCatalog.STEP_RETRYING, new StepRetrying(BUILD, "tests", "tests-amd64-qemu_uefi", TAG, V,
                    "amd64", "qemu_uefi", 1, 2, "exit code 1", AT.plusSeconds(30))),
            Map.entry(EventCatalog.STEP_CANCELLED, new StepCancelled(BUILD, "packages", "packages-arm64", TAG, V, "arm64",
                    null, 1, "build cancelled", AT)),
            Map.entry(EventCatalog.STEP_BLOCKED, new StepBlocked(BUILD, "vms", "vms-arm64-qemu_uefi", TAG, V, "arm64",
                    "qemu_uefi", 0, "not run: image-arm64 failed", AT)),
            Map.entry(EventCatalog.ARTIFACT_STORED, new ArtifactStored("images/amd64/" + V + "/version.txt", V, "images",
                    "amd64", 189, "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef", "text/plain",
                    "build-runner", AT)),
            Map.entry(EventCatalog.ARTIFACT_DELETED, new ArtifactDeleted("images/amd64/" + V + "/version.txt", V, "images",
                    "dev build beyond the newest 50 and older than 14 days", AT)),
            Map.entry(EventCatalog.RELEASE_CANDIDATE, new ReleaseCandidate("4593.2.5", "stable-4593.2.5", BUILD, "stable",
                    List.of("amd64", "arm64"), List.of("qemu_uefi", "ami"), AT, Map.of(
                            "amd64", "http://artifact-service:8080/cache/images/amd64/4593.2.5/",
                            "arm64", "http://artifact-service:8080/cache/images/arm64/4593.2.5/"))),
            Map.entry(EventCatalog.RELEASE_READY, new ReleaseReady("4593.2.5", "stable", List.of("amd64", "arm64"),
                    "every gate holds", AT)),
            Map.entry(EventCatalog.RELEASE_REJECTED, new ReleaseRejected("4593.2.5", "stable",
                    "kola on amd64/qemu_uefi: failed all 2 attempt(s) of the flake window", "test:kola-ci", AT)),
            Map.entry(EventCatalog.RELEASE_GATE_REVOKED, new ReleaseGateRevoked("4593.2.5", "stable",
                    "kola on amd64/qemu_uefi: revoked by a failing rerun", AT)),
            Map.entry(EventCatalog.RELEASE_ROLLED_BACK, new ReleaseRolledBack("stable", "amd64", "4593.2.6", "4593.2.5",
                    "update breaks boot on some arm64 boards", "alice", AT)),
            Map.entry(EventCatalog.RELEASE_WITHDRAWN, new ReleaseWithdrawn("4593.2.6", "stable",
                    Map.of("amd64", "4593.2.5", "arm64", "4593.2.5"), "update breaks boot on some arm64 boards", "alice", AT)),
            Map.entry(EventCatalog.RELEASE_PUBLISHED, new ReleasePublished("4593.2.5", "stable", List.of("amd64", "arm64"), AT)),
            Map.entry(EventCatalog.PROMOTION_QUEUED, promotion("promotion", "queued", "beta", 4790, null, null,
                    "behind pr-4k2m9x7q1c in beta/4790")),
            Map.entry(EventCatalog.PROMOTION_VERSIONING, promotion("new-major", "versioning", "alpha", null, null, null,
                    "first in its lane")),
            Map.entry(EventCatalog.PROMOTION_BUILDING, promotion("promotion", "building", "beta", 4790, "4790.1.0", BUILD,
                    "build " + BUILD + " of beta-4790.1.0 started (os)")),
            Map.entry(EventCatalog.PROMOTION_TESTING, promotion("promotion", "testing", "beta", 4790, "4790.1.0", BUILD,
                    "release candidate 4790.1.0 exists")),
            Map.entry(EventCatalog.PROMOTION_AWAITING_APPROVAL, promotion("patch", "awaiting-approval", "stable", 4593,
                    "4593.2.6", BUILD, "every gate but the approvals holds")),
            Map.entry(EventCatalog.PROMOTION_PUBLISHED, promotion("patch", "published", "stable", 4593, "4593.2.6", BUILD,
                    "4593.2.6 was published in stable")),
            Map.entry(EventCatalog.PROMOTION_FAILED, promotion("patch", "failed", "stable", 4593, "4593.2.6", BUILD,
                    "build " + BUILD + " failed: step image-arm64 failed: exit code 1")),
            Map.entry(EventCatalog.PROMOTION_CANCELLED, promotion("new-major", "cancelled", "alpha", 4800, "4800.0.0", BUILD,
                    "wrong kernel config")),
            Map.entry(EventCatalog.TEST_REPORTED, new TestReported("kola-run-8812", "4593.2.5", "kola", "amd64", "qemu_uefi",
                    "passed", "kola-ci", "https://ci.example.org/kola/8812", AT, 2)));

    private static PromotionStateChanged promotion(String type, String state, String channel, Integer major, String version,
            String buildId, String reason) {
        return new PromotionStateChanged("pr-7h3k9w2m4q", type, state, channel, major, version, buildId, reason, AT);
    }

    private EventSamples() {
    }
}
