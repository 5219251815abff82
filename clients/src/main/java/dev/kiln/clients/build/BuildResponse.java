package dev.kiln.clients.build;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A build as build-runner answers it, without its step runs (callers that need them read the build page). Readers
 * ignore fields they do not know. {@code state}: requested, running, succeeded, failed or cancelled;
 * {@code pipelineDigest}: sha256 of the pipeline definition the build runs; {@code branch} and {@code commit}: the
 * scripts branch and commit of its version's tag, once allocated (null from build-runners before these fields).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildResponse(
        String id,
        String pipeline,
        String pipelineDigest,
        String state,
        String reason,
        String tag,
        String version,
        String sdkVersion,
        List<String> arches,
        List<String> vendors,
        Map<String, String> params,
        String branch,
        String commit,
        String requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** Succeeded, failed or cancelled: nothing will change any more. */
    public boolean finished() {
        return state != null && switch (state.toLowerCase(Locale.ROOT)) {
            case "succeeded", "failed", "cancelled" -> true;
            default -> false;
        };
    }
}
