package dev.kiln.release.domain.release;

import dev.kiln.common.error.DomainException;

/** A state change the release's current state does not allow; it clashes with the state, so 409. */
public class IllegalReleaseTransitionException extends DomainException {

    public static final String SLUG = "illegal-release-transition";

    private final ReleaseState from;
    private final ReleaseState to;

    public IllegalReleaseTransitionException(String version, ReleaseState from, ReleaseState to) {
        super(Kind.CONFLICT, SLUG, "release " + version + " is " + from.id() + " and cannot become " + to.id()
                + (from.successors().isEmpty() ? " (" + from.id() + " is final)" : "; it may become " + from.successors()));
        this.from = from;
        this.to = to;
    }

    public ReleaseState from() {
        return from;
    }

    public ReleaseState to() {
        return to;
    }
}
