package dev.kiln.runner.domain.build;

import java.time.Instant;
import java.util.List;

/** A build as lists show it: no step runs. */
public record BuildSummary(String id, String pipeline, BuildState state, String tag, String version,
        List<String> arches, List<String> vendors, String reason, String requestedBy, Instant createdAt,
        Instant startedAt, Instant finishedAt) {
}
