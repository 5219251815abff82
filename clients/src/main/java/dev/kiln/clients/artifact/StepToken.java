package dev.kiln.clients.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** A step token as artifact-service issued it: the secret for the build's steps and what it may write, until when. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepToken(String id, String buildId, List<String> prefixes, Instant issuedAt, Instant expiresAt,
        String token) {

    @Override
    public String toString() {
        return "StepToken[id=" + id + ", buildId=" + buildId + ", prefixes=" + prefixes + ", expiresAt=" + expiresAt
                + ", token=<hidden>]";
    }
}
