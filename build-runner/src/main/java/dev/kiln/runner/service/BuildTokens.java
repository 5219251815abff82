package dev.kiln.runner.service;

import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.StepTokenScope;
import dev.kiln.runner.domain.port.StepTokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The step token of each running build: asked of artifact-service when the build's first attempt launches (again
 * after a restart, since the secret lives in memory only, and once half its lifetime has passed, so that a step
 * launched late still has hours left), revoked when the build ends. Level-triggered: every resync revokes the
 * tokens of builds that have ended, whatever happened to the revocation at their end (a failed call, a restart).
 */
final class BuildTokens {

    private static final Logger LOG = Logger.getLogger(BuildTokens.class);

    private record Held(String token, Instant expiresAt) {
    }

    private final StepTokenIssuer issuer;
    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    BuildTokens(StepTokenIssuer issuer, Clock clock, Duration lifetime) {
        this.issuer = issuer;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The token the build's steps get as {@code KILN_CACHE_TOKEN}; throws {@code PortException} if none can be had. */
    String tokenFor(Build build) {
        Instant now = clock.instant();
        return held.compute(build.id(), (id, current) -> current != null
                && current.expiresAt().isAfter(now.plus(lifetime.dividedBy(2))) ? current : issue(build, now)).token();
    }

    private Held issue(Build build, Instant now) {
        List<String> prefixes = StepTokenScope.prefixes(build);
        Instant expiresAt = now.plus(lifetime);
        String token = issuer.issue(build.id(), prefixes, expiresAt);
        LOG.infof("build %s: step token issued for %s, until %s", build.id(), prefixes, expiresAt);
        return new Held(token, expiresAt);
    }

    /** Revokes the build's tokens now; a failure is left to {@link #revokeEnded}. */
    void revoke(String buildId) {
        held.remove(buildId);
        try {
            issuer.revoke(buildId);
            LOG.infof("build %s ended: its step tokens are revoked", buildId);
        } catch (RuntimeException e) {
            LOG.warnf("build %s ended but its step tokens could not be revoked now (%s); the next resync retries",
                    buildId, e.getMessage());
        }
    }

    /**
     * Revokes the live tokens of every build that has ended ({@code ended} answers for an id: true when the build is
     * finished, false when it runs, empty when this runner does not know it, whose token is left to expire).
     */
    void revokeEnded(Function<String, Optional<Boolean>> ended) {
        for (String buildId : issuer.buildsWithLiveTokens()) {
            if (ended.apply(buildId).orElse(false)) {
                revoke(buildId);
            }
        }
    }
}
