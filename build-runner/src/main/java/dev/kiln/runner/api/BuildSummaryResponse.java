package dev.kiln.runner.api;

import dev.kiln.runner.domain.build.BuildSummary;
import java.time.Instant;
import java.util.List;

/** A build in a list: no step runs. */
public record BuildSummaryResponse(String id, String pipeline, String state, String tag, String version,
        List<String> arches, List<String> vendors, String reason, String requestedBy, Instant createdAt,
        Instant startedAt, Instant finishedAt) {

    static BuildSummaryResponse of(BuildSummary s) {
        return new BuildSummaryResponse(s.id(), s.pipeline(), s.state().apiName(), s.tag(), s.version(), s.arches(),
                s.vendors(), s.reason(), s.requestedBy(), s.createdAt(), s.startedAt(), s.finishedAt());
    }
}
