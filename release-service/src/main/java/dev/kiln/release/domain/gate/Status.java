package dev.kiln.release.domain.gate;

import java.util.Locale;

/** Where one requirement of a gate stands. */
public enum Status {
    /** Met. */
    SATISFIED,
    /** Nothing has been reported for it yet. */
    MISSING,
    /** Cannot be met any more (attempts used up, revoked, rejected). */
    FAILED,
    /** Under way: attempts left, soak running, approvals still to come. */
    WAITING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
