package dev.kiln.artifact.security;

import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.token.StepGrant;
import dev.kiln.artifact.domain.token.StepTokens;
import dev.kiln.common.error.DomainException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * The one check a cache write makes for a step token, before anything is read from the body: the token is live
 * (neither revoked nor expired) and the path lies under one of its prefixes. Every other endpoint that changes
 * something requires a role a step token does not have, so it is refused there with 403 {@code forbidden}.
 */
@ApplicationScoped
public class StepScope {

    /** The only role of a step token's caller. */
    public static final String ROLE = "step";
    static final String GRANT_ATTRIBUTE = "kiln.step-grant";

    private final StepTokens tokens;
    private final SecurityIdentity identity;

    public StepScope(StepTokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    /** Throws a 403 problem unless the current caller may write {@code path}; callers that are not steps pass. */
    public void checkWrite(CachePath path) {
        Optional<StepGrant> found = StepTokenIdentityProvider.grantOf(identity);
        if (found.isEmpty()) {
            return;
        }
        StepGrant grant = found.get();
        Instant now = tokens.now();
        if (grant.revokedAt() != null) {
            throw refused("step-token-revoked", "the step token of build " + grant.buildId() + " was revoked at "
                    + grant.revokedAt() + " (the build ended); nothing was stored");
        }
        if (!grant.isLive(now)) {
            throw refused("step-token-expired", "the step token of build " + grant.buildId() + " expired at "
                    + grant.expiresAt() + "; nothing was stored");
        }
        if (!grant.admits(path)) {
            throw refused("outside-step-token-scope", "the step token of build " + grant.buildId() + " may only write "
                    + "under " + String.join(", ", grant.prefixes()) + ", not '" + path + "'; nothing was stored");
        }
    }

    private static DomainException refused(String slug, String detail) {
        return new DomainException(DomainException.Kind.FORBIDDEN, slug, detail);
    }
}
