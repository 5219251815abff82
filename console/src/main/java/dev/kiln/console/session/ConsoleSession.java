package dev.kiln.console.session;

import java.time.Instant;
import java.util.Optional;

/**
 * One browser's session: its CSRF token, and once signed in the caller's Kiln token (never sent back to the
 * browser) and the name the caller gave.
 */
public record ConsoleSession(String id, String csrfToken, String kilnToken, String name, Instant lastUsed) {

    public boolean signedIn() {
        return kilnToken != null;
    }

    /** {@code Authorization} value for calls made as this caller. */
    public Optional<String> authorization() {
        return Optional.ofNullable(kilnToken).map(t -> "Bearer " + t);
    }

    ConsoleSession touchedAt(Instant now) {
        return new ConsoleSession(id, csrfToken, kilnToken, name, now);
    }
}
