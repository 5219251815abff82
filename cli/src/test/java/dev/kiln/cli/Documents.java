package dev.kiln.cli;

/** Real-shaped answers of the services, as docs/api/*.md shows them. */
final class Documents {

    private Documents() {
    }

    static final String PARSED = """
            {"input": "stable-4593.2.5", "tag": "stable-4593.2.5", "prefix": "stable", "group": "stable",
             "channel": "stable", "major": 4593, "minor": 2, "patch": 5, "versionId": "4593.2.5", "buildId": null,
             "official": true, "version": "4593.2.5", "dockerVersion": "4593.2.5"}""";

    static final String VERSION_PAGE = """
            {"items": [{"tag": "main-4800.0.0-nightly-20260822-2100", "version": "4800.0.0+nightly-20260822-2100",
             "kind": "nightly", "status": "tagged", "branch": "main", "sdkVersion": "4800.0.0+nightly-20260822-2100",
             "createdAt": "2026-08-22T21:00:00Z"}], "page": 0, "size": 1, "total": 3}""";

    static String build(String state, String... steps) {
        return """
                {"id": "k7xq2m4pza", "pipeline": "full", "state": "%s", "reason": null,
                 "tag": "main-4799.0.0-nightly-20260821-2100", "version": "4799.0.0+nightly-20260821-2100",
                 "arches": ["amd64", "arm64"], "vendors": [], "params": {}, "skipCached": true,
                 "createdAt": "2026-08-21T21:00:00Z", "startedAt": "2026-08-21T21:00:01Z", "finishedAt": null,
                 "steps": [%s]}""".formatted(state, String.join(",", steps));
    }

    /** A step run; {@code started} null for one that has not started. */
    static String step(String run, String state, int attempt, String started, String finished) {
        return """
                {"run": "%s", "step": "%s", "arch": "amd64", "vendor": null, "needs": [], "state": "%s",
                 "attempt": %d, "startedAt": %s, "finishedAt": %s, "retryAt": null, "reason": null, "outputs": []}"""
                .formatted(run, run.replaceAll("-amd64$", ""), state, attempt, quote(started), quote(finished));
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
