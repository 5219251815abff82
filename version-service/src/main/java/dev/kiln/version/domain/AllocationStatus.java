package dev.kiln.version.domain;

import java.util.Locale;
import java.util.Optional;

/** Where an allocation stands. */
public enum AllocationStatus {
    /** Reserved before git was touched; the tag may or may not be on the remote yet. */
    PENDING,
    /** Committed, tagged and pushed; the event was emitted. */
    TAGGED,
    /** A dev tag deleted again (garbage collection); its version stays used forever. */
    DELETED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AllocationStatus> ofId(String id) {
        for (AllocationStatus s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
