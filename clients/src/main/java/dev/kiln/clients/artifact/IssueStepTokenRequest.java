package dev.kiln.clients.artifact;

import java.time.Instant;
import java.util.List;

/** Body of artifact-service's {@code POST /api/v1/step-tokens}: a build's cache directories and the token's expiry. */
public record IssueStepTokenRequest(String buildId, List<String> prefixes, Instant expiresAt) {

    public IssueStepTokenRequest {
        prefixes = List.copyOf(prefixes);
    }
}
