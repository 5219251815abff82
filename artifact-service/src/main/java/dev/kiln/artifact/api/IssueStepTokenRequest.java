package dev.kiln.artifact.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/step-tokens}. */
@Schema(description = "A step token for the steps of one build: the cache directories they may write and until when.")
public record IssueStepTokenRequest(
        @Schema(description = "build-runner's build id", example = "k3xq9d2m7a", required = true)
        @NotBlank @Size(max = 64) String buildId,
        @Schema(description = "cache directories; a file is writable when its path starts with one of them",
                example = "[\"images/amd64/4593.2.5/\", \"build-logs/4593.2.5/\"]", required = true)
        @NotEmpty @Size(max = 256) List<@NotNull @Size(max = 1024) String> prefixes,
        @Schema(description = "when the token stops working, at most kiln.artifact.step-tokens.max-lifetime ahead",
                example = "2026-12-09T21:00:00Z", required = true)
        @NotNull Instant expiresAt) {
}
