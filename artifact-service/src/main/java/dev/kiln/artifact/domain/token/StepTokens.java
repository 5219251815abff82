package dev.kiln.artifact.domain.token;

import dev.kiln.artifact.domain.ArtifactException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, resolves and revokes step tokens. A token is {@value #TOKEN_PREFIX} followed by 32 random bytes
 * (base64url); it is handed out once and only its SHA-256 is stored, so a leaked database does not leak tokens.
 */
public class StepTokens {

    /** Every step token starts with this: other bearer tokens are never looked up in the store. */
    public static final String TOKEN_PREFIX = "kiln-step.";
    private static final int RANDOM_BYTES = 32;
    private static final int BUILD_ID_MAX = 64;

    /** A token as issued: the secret (shown once) and what it allows. */
    public record Issued(String token, StepGrant grant) {

        @Override
        public String toString() {
            return "Issued[token=<hidden>, grant=" + grant + "]";
        }
    }

    private final StepTokenStore store;
    private final Clock clock;
    private final Duration maxLifetime;
    private final SecureRandom random = new SecureRandom();

    public StepTokens(StepTokenStore store, Clock clock, Duration maxLifetime) {
        this.store = store;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
    }

    public static boolean looksLikeStepToken(String bearer) {
        return bearer != null && bearer.startsWith(TOKEN_PREFIX);
    }

    /** A new token for the steps of {@code buildId}, writing under {@code prefixes} until {@code expiresAt}. */
    public Issued issue(String buildId, List<String> prefixes, Instant expiresAt, String issuedBy) {
        Instant now = clock.instant();
        checkBuildId(buildId);
        List<String> normalised = StepTokenPrefixes.normalise(prefixes);
        checkExpiry(expiresAt, now);
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        StepGrant grant = new StepGrant(UUID.randomUUID().toString(), buildId, normalised, issuedBy, now, expiresAt, null);
        store.save(grant, sha256(token));
        return new Issued(token, grant);
    }

    /** The grant of a presented step token, live or not; empty for a token that was never issued. */
    public Optional<StepGrant> resolve(String token) {
        return looksLikeStepToken(token) ? store.findByTokenSha256(sha256(token)) : Optional.empty();
    }

    /** Revokes every token of the build; idempotent. */
    public int revoke(String buildId) {
        checkBuildId(buildId);
        return store.revokeBuild(buildId, clock.instant());
    }

    public List<String> buildsWithLiveTokens(int limit) {
        return store.buildsWithLiveTokens(clock.instant(), limit);
    }

    public Instant now() {
        return clock.instant();
    }

    private void checkExpiry(Instant expiresAt, Instant now) {
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw invalid("invalid-step-token-expiry", "expiresAt must lie in the future");
        }
        if (expiresAt.isAfter(now.plus(maxLifetime))) {
            throw invalid("invalid-step-token-expiry", "expiresAt may lie at most " + maxLifetime.toHours()
                    + " hours ahead (kiln.artifact.step-tokens.max-lifetime)");
        }
    }

    private static void checkBuildId(String buildId) {
        if (buildId == null || buildId.isEmpty() || buildId.length() > BUILD_ID_MAX
                || !buildId.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            throw invalid("invalid-build-id", "buildId must be 1 to " + BUILD_ID_MAX
                    + " lower-case letters, digits and '-'");
        }
    }

    private static ArtifactException invalid(String slug, String detail) {
        return new ArtifactException(ArtifactException.Reason.INVALID_REQUEST, slug, detail, null);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
