package dev.kiln.artifact.domain.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where step grants are kept, by the SHA-256 of their token; the token itself is never stored. */
public interface StepTokenStore {

    void save(StepGrant grant, String tokenSha256);

    Optional<StepGrant> findByTokenSha256(String tokenSha256);

    /** Revokes every unrevoked token of the build at {@code now}; answers how many that was (0 on a repeat). */
    int revokeBuild(String buildId, Instant now);

    /** Builds with at least one token that is neither revoked nor expired at {@code now}, ordered by id. */
    List<String> buildsWithLiveTokens(Instant now, int limit);
}
