package dev.kiln.cli;

/** Real-shaped answers of release-service, as docs/api/release-service.md and the agreed contract show them. */
final class ReleaseDocuments {

    private ReleaseDocuments() {
    }

    static final String RELEASE_ALPHA = """
            {"version": "4790.0.1", "tag": "alpha-4790.0.1", "channel": "alpha", "state": "ready",
             "buildId": "b-0190c2a1", "sdkVersion": "4790.0.0", "arches": ["amd64", "arm64"],
             "vendors": ["qemu_uefi", "ami"], "createdAt": "2026-08-21T21:00:00Z",
             "transitions": [
               {"from": null, "to": "candidate", "actor": "build:b-0190c2a1",
                "reason": "build b-0190c2a1 (os) succeeded", "at": "2026-08-21T21:00:00Z"},
               {"from": "candidate", "to": "ready", "actor": "alice", "reason": "every gate holds",
                "at": "2026-08-22T09:12:03Z"}]}""";

    static final String RELEASE_PAGE = """
            {"items": [{"version": "4593.2.5", "tag": "stable-4593.2.5", "channel": "stable", "state": "published",
              "buildId": "b-01", "sdkVersion": "4593.0.0", "arches": ["amd64", "arm64"], "vendors": ["qemu_uefi", "ami"],
              "createdAt": "2026-09-01T08:00:00Z"}], "page": 0, "size": 1, "total": 2}""";

    static final String GATES = """
            {"version": "4593.1.0", "channel": "beta", "state": "candidate", "verdict": "pending",
             "requirements": [
               {"kind": "suite", "status": "waiting", "detail": "failed 1 of 2 attempt(s); 1 left", "suite": "kola",
                "arch": "amd64", "vendor": "ami", "flakeAttempts": 2,
                "attempts": [{"reportId": "k-1", "attempt": 1, "result": "failed",
                              "detailsUrl": "https://ci.example.org/k-1", "receivedAt": "2026-08-22T10:00:00Z"}]},
               {"kind": "suite", "status": "satisfied", "detail": "passed on attempt 2", "suite": "kola",
                "arch": "arm64", "vendor": "qemu_uefi", "flakeAttempts": 2,
                "attempts": [{"reportId": "k-2", "attempt": 1, "result": "failed", "receivedAt": "2026-08-22T10:00:00Z"},
                             {"reportId": "k-3", "attempt": 2, "result": "passed", "receivedAt": "2026-08-22T11:00:00Z"}]},
               {"kind": "suite", "status": "missing", "detail": "nothing reported", "suite": "qemu_update",
                "arch": "amd64", "flakeAttempts": 2, "attempts": []},
               {"kind": "soak", "status": "missing", "detail": "the source release is not published in the previous channel",
                "minimum": "PT336H", "remaining": "PT336H"},
               {"kind": "approvals", "status": "satisfied", "detail": "1 of 1 approval(s)", "required": 1,
                "counted": ["alice"], "decisions": [{"identity": "alice", "decision": "approve", "comment": "looks good",
                "at": "2026-08-22T12:00:00Z"}]}]}""";

    static final String TEST_REPORT = """
            {"reportId": "kola-8812", "version": "4790.0.1", "suite": "kola", "arch": "amd64", "vendor": "qemu_uefi",
             "result": "failed", "attempt": 1, "detailsUrl": "https://ci.example.org/kola/8812", "reportedBy": "ci",
             "receivedAt": "2026-08-22T10:00:00Z"}""";

    static final String APPROVAL = """
            {"version": "4593.2.5", "identity": "alice", "decision": "approve", "comment": "go",
             "at": "2026-09-01T09:00:00Z", "releaseState": "ready"}""";

    static final String MANIFEST = """
            {"version": "4593.2.5", "channel": "stable", "state": "published", "atRisk": false,
             "inputs": {"tag": "stable-4593.2.5", "commit": "3f1c9e2", "branch": "flatcar-4593", "sdkVersion": "4593.0.0",
                        "buildId": "b-01", "arches": ["amd64", "arm64"], "vendors": ["qemu_uefi", "ami"]},
             "outputs": {"amd64": [{"name": "flatcar_production_image.bin.bz2", "size": 524288000,
                                    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}],
                         "arm64": [{"name": "flatcar_production_image.bin.bz2", "size": 498073600,
                                    "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"}]},
             "testReports": [{"reportId": "kola-8812", "suite": "kola", "arch": "amd64", "vendor": "qemu_uefi",
                              "result": "passed", "attempt": 1, "detailsUrl": "https://ci.example.org/kola/8812",
                              "receivedAt": "2026-08-22T10:00:00Z"}],
             "approvals": [{"identity": "alice", "decision": "approve", "comment": "go", "at": "2026-09-01T09:00:00Z"}],
             "channelHistory": [{"action": "publish", "arch": "amd64", "current": "4593.2.5", "actor": "alice",
                                 "reason": "published", "at": "2026-09-01T10:00:00Z"}],
             "packageChanges": [{"arch": "amd64", "against": "4593.2.4", "added": ["sys-apps/zram-generator-1.1.2"],
                                 "removed": [], "updated": [{"name": "sys-kernel/coreos-kernel", "from": "6.6.58",
                                 "to": "6.6.60"}]}]}""";

    static final String CHANNEL_STABLE = """
            {"channel": "stable",
             "policy": {"suites": [{"name": "kola", "per": "vendor", "listed": []},
                                   {"name": "qemu_update", "per": "arch", "listed": []}],
                        "flakeAttempts": 2, "minimumSoak": "PT672H", "requiredApprovals": 2, "autoPublish": false,
                        "autoRollback": false},
             "arches": [{"arch": "amd64", "current": "4593.2.5",
                         "history": [{"action": "publish", "version": "4593.2.4", "current": "4593.2.4", "actor": "bob",
                                      "reason": "published", "at": "2026-08-01T10:00:00Z"},
                                     {"action": "publish", "version": "4593.2.5", "current": "4593.2.5", "actor": "alice",
                                      "reason": "published", "at": "2026-09-01T10:00:00Z"}]},
                        {"arch": "arm64", "current": "4593.2.5",
                         "history": [{"action": "publish", "version": "4593.2.5", "current": "4593.2.5", "actor": "alice",
                                      "reason": "published", "at": "2026-09-01T10:00:01Z"}]}]}""";

    static final String POINTERS_AMD64 = """
            [{"name": "current", "version": "4593.2.5", "movedAt": "2026-09-01T10:00:00Z"}]""";

    static String promotion(String state, String history) {
        return """
                {"id": "p-4790-beta", "type": "promotion", "state": "%s", "channel": "beta", "from": "4790.0.1",
                 "to": "beta", "requestedBy": "alice", "createdAt": "2026-09-02T08:00:00Z",
                 "updatedAt": "2026-09-02T08:00:00Z", "history": [%s]}""".formatted(state, history);
    }

    static String entry(String state, String at, String actor, String reason) {
        return """
                {"state": "%s", "at": "%s", "actor": "%s"%s}""".formatted(state, at, actor,
                reason == null ? "" : ", \"reason\": \"" + reason + "\"");
    }
}
