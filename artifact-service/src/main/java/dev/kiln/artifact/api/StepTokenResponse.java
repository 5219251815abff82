package dev.kiln.artifact.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.artifact.domain.token.StepGrant;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step token as issued: the secret appears in this one answer only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An issued step token; the token is shown once and only its SHA-256 is kept.")
public record StepTokenResponse(
        String id,
        @Schema(example = "k3xq9d2m7a") String buildId,
        @Schema(description = "the prefixes as normalised: directories ending with '/', none inside another")
        List<String> prefixes,
        Instant issuedAt,
        Instant expiresAt,
        @Schema(description = "the bearer token for the build's steps (KILN_CACHE_TOKEN)") String token) {

    static StepTokenResponse issued(StepGrant grant, String token) {
        return new StepTokenResponse(grant.id(), grant.buildId(), grant.prefixes(), grant.issuedAt(), grant.expiresAt(),
                token);
    }

    @Override
    public String toString() {
        return "StepTokenResponse[id=" + id + ", buildId=" + buildId + ", prefixes=" + prefixes + ", token=<hidden>]";
    }
}
