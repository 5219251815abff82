package dev.kiln.release.domain.release;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a release is in its life: {@code candidate -> ready -> published -> superseded}, or {@code rejected}
 * (gates failed before publishing) or {@code withdrawn} (never served again). Rejected and withdrawn are final.
 */
public enum ReleaseState {
    /** Built; tests and approvals are being collected. */
    CANDIDATE,
    /** Every gate holds; waiting to be published (at once when the policy says autoPublish). */
    READY,
    /** Served in its channel (current or, after a rollback, current again). */
    PUBLISHED,
    /** A newer release of the channel was published over it; still a rollback target. */
    SUPERSEDED,
    /** A gate failed before it was published; final. */
    REJECTED,
    /** Taken back after publishing; never served again, final. */
    WITHDRAWN;

    /** The states this one may move to; the single table the transition methods of {@link Release} obey. */
    public Set<ReleaseState> successors() {
        return switch (this) {
            // back to candidate when a gate is revoked by a later failing report
            case READY -> EnumSet.of(CANDIDATE, PUBLISHED, REJECTED);
            case CANDIDATE -> EnumSet.of(READY, REJECTED);
            case PUBLISHED -> EnumSet.of(SUPERSEDED, WITHDRAWN);
            // a rollback makes the previous release current again
            case SUPERSEDED -> EnumSet.of(PUBLISHED, WITHDRAWN);
            case REJECTED, WITHDRAWN -> EnumSet.noneOf(ReleaseState.class);
        };
    }

    public boolean canMoveTo(ReleaseState next) {
        return successors().contains(next);
    }

    /** Has been served in its channel and not taken back: what promotion sources and rollbacks need. */
    public boolean wasPublished() {
        return this == PUBLISHED || this == SUPERSEDED;
    }

    /** Lower-case id as the API and events spell it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
