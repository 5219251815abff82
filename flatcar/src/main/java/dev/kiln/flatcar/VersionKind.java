package dev.kiln.flatcar;

import java.util.Locale;
import java.util.Optional;

/** What a caller asks a version for. */
public enum VersionKind {
    /** A nightly on main (today's major) or on a maintenance branch (its last release + nightly id). */
    NIGHTLY,
    /** A new major: alpha-MMMM.0.0 on a new branch flatcar-MMMM. */
    ALPHA,
    /** The next channel of a release: same major, next minor, patch 0. */
    PROMOTION,
    /** The next free patch of a release's major and channel. */
    PATCH,
    /** A free-standing development build {@code <prefix>-MMMM.m.p-<suffix>}. */
    DEV;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VersionKind> ofId(String id) {
        for (VersionKind k : values()) {
            if (k.id().equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
