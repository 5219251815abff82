package dev.kiln.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** build-runner's build, step run and pipeline documents, as far as the console shows them. */
public final class Builds {

    private Builds() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String id, String pipeline, String state, String tag, String version, List<String> arches,
            List<String> vendors, String reason, String requestedBy, Instant createdAt, Instant startedAt,
            Instant finishedAt) {

        /** Run time so far (or in all), null before it started. */
        public Duration duration() {
            return startedAt == null ? null : Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Build(String id, String pipeline, String state, String reason, String tag, String version,
            String buildId, String sdkVersion, String channel, List<String> arches, List<String> vendors,
            Map<String, String> params, String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt,
            List<StepRun> steps) {

        public Duration duration() {
            return startedAt == null ? null : Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
        }

        public boolean cancellable() {
            return state.equals("requested") || state.equals("running");
        }

        public boolean resumable() {
            return state.equals("failed");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StepRun(String run, String step, String arch, String vendor, List<String> needs, String state,
            int attempt, Instant launchedAt, Instant startedAt, Instant finishedAt, Instant retryAt, String reason,
            List<String> outputs, String logPath, String logUrl) {

        public boolean finished() {
            return List.of("succeeded", "failed", "skipped", "blocked", "cancelled").contains(state);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pipeline(String name, String description) {
    }

    /** Body of {@code POST /api/v1/builds}; absent fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record StartRequest(String pipeline, String kind, String branch, String from, String to, String suffix,
            String tag, List<String> arches, List<String> vendors) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CancelRequest(String reason) {
    }
}
