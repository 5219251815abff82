package dev.kiln.clients.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The answer of revoking a build's step tokens: how many this call revoked (0 on a repeat). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepTokenRevocation(String buildId, int revoked) {
}
