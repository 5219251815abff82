package dev.kiln.artifact.domain.token;

import dev.kiln.artifact.domain.CachePath;
import java.time.Instant;
import java.util.List;

/**
 * What one step token allows: writing files under {@code prefixes} (directories, each ending with '/') for the
 * steps of build {@code buildId}, from {@code issuedAt} until {@code expiresAt} unless revoked before.
 */
public record StepGrant(String id, String buildId, List<String> prefixes, String issuedBy, Instant issuedAt,
        Instant expiresAt, Instant revokedAt) {

    public StepGrant {
        prefixes = List.copyOf(prefixes);
    }

    /** Not revoked and not yet expired at {@code now}. */
    public boolean isLive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /**
     * Whether {@code path} lies inside one of the prefixes. Both are validated cache paths (no dot segments, no
     * encoded slashes) and every prefix ends with '/', so {@code images/amd64/4593.2.5/} never admits
     * {@code images/amd64/4593.2.50/}.
     */
    public boolean admits(CachePath path) {
        return !path.isDirectory() && prefixes.stream().anyMatch(prefix -> path.value().startsWith(prefix));
    }
}
