package dev.kiln.release.domain.gate;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A decision on a release by one identity, with the roles it held when it decided. */
public record Approval(String identity, Set<String> roles, Decision decision, String comment, Instant at) {

    /** The role whose decisions count; others are kept and shown but decide nothing. */
    public static final String RELEASER = "releaser";

    public enum Decision {
        APPROVE,
        REJECT
    }

    public Approval {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(at, "at");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean byReleaser() {
        return roles.contains(RELEASER);
    }
}
