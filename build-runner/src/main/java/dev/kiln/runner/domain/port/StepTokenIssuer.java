package dev.kiln.runner.domain.port;

import java.time.Instant;
import java.util.List;

/**
 * artifact-service's step tokens: a bearer token for one build's steps that writes only under the given cache
 * directories and only until it expires or is revoked. Failures are {@link PortException}s.
 */
public interface StepTokenIssuer {

    /** A new token for {@code buildId}'s steps; the secret is returned once and never stored by the runner. */
    String issue(String buildId, List<String> prefixes, Instant expiresAt);

    /** Revokes every token of the build; a repeat is a no-op. */
    void revoke(String buildId);

    /** The builds that hold a token that is neither revoked nor expired. */
    List<String> buildsWithLiveTokens();
}
