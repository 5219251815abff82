package dev.kiln.console.session;

import dev.kiln.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this process's memory, keyed by a random id (the cookie's value), expiring after
 * {@code kiln.console.session-idle} unused. A restart signs everyone out; several replicas need sticky sessions.
 */
@ApplicationScoped
public class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final ConsoleConfig config;
    private final Clock clock;

    public SessionStore(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A new session, signed out, with its own CSRF token (the sign-in form needs one too). */
    public ConsoleSession open() {
        ConsoleSession session = new ConsoleSession(randomToken(), randomToken(), null, null, clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<ConsoleSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ConsoleSession session = sessions.computeIfPresent(id, (key, s) ->
                s.lastUsed().plus(config.sessionIdle()).isBefore(now) ? null : s.touchedAt(now));
        return Optional.ofNullable(session);
    }

    /** Signs in under a new session id (the old one is dropped), so an id known before sign-in is worth nothing after. */
    public ConsoleSession signIn(ConsoleSession before, String kilnToken, String name) {
        sessions.remove(before.id());
        ConsoleSession session = new ConsoleSession(randomToken(), randomToken(), kilnToken, name, clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Constant-time comparison of the form's CSRF token with the session's. */
    public static boolean csrfMatches(ConsoleSession session, String submitted) {
        return submitted != null && MessageDigest.isEqual(session.csrfToken().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                submitted.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
