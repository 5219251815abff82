package dev.kiln.runner.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * artifact-service's step tokens as the fakes keep them: issued per build for prefixes, a PUT is allowed under
 * one of them while the token is neither revoked nor expired. Tests read what was issued and revoked.
 */
public final class FakeStepTokens {

    /** One issued token. */
    public record Grant(String token, String buildId, List<String> prefixes, Instant expiresAt, boolean revoked) {

        boolean live(Instant now) {
            return !revoked && now.isBefore(expiresAt);
        }
    }

    private static final Map<String, Grant> BY_TOKEN = new ConcurrentHashMap<>();

    private FakeStepTokens() {
    }

    public static Grant issue(String buildId, List<String> prefixes, Instant expiresAt) {
        Grant grant = new Grant("kiln-step." + UUID.randomUUID(), buildId, List.copyOf(prefixes), expiresAt, false);
        BY_TOKEN.put(grant.token(), grant);
        return grant;
    }

    public static int revoke(String buildId) {
        int revoked = 0;
        for (Grant grant : BY_TOKEN.values()) {
            if (grant.buildId().equals(buildId) && !grant.revoked()) {
                BY_TOKEN.put(grant.token(), new Grant(grant.token(), buildId, grant.prefixes(), grant.expiresAt(), true));
                revoked++;
            }
        }
        return revoked;
    }

    public static List<String> liveBuilds() {
        Instant now = Instant.now();
        return BY_TOKEN.values().stream().filter(g -> g.live(now)).map(Grant::buildId).distinct().sorted().toList();
    }

    /** True when {@code token} is a live step token with a prefix that {@code path} lies under. */
    public static boolean allows(String token, String path) {
        Grant grant = BY_TOKEN.get(token);
        return grant != null && grant.live(Instant.now()) && !path.contains("..")
                && grant.prefixes().stream().anyMatch(path::startsWith);
    }

    /** Every token issued for the build, oldest first is not guaranteed. */
    public static List<Grant> of(String buildId) {
        return BY_TOKEN.values().stream().filter(g -> g.buildId().equals(buildId)).toList();
    }

    public static java.util.Optional<Grant> byToken(String token) {
        return java.util.Optional.ofNullable(BY_TOKEN.get(token));
    }
}
