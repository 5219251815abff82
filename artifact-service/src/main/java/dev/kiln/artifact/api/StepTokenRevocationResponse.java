package dev.kiln.artifact.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of revoking a build's step tokens. */
@Schema(description = "A build's step tokens revoked.")
public record StepTokenRevocationResponse(
        @Schema(example = "k3xq9d2m7a") String buildId,
        @Schema(description = "tokens revoked by this call; 0 when they were revoked already") int revoked) {
}
