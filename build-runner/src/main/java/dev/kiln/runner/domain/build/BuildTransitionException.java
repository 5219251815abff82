package dev.kiln.runner.domain.build;

import dev.kiln.common.error.DomainException;

/** A command that the build's current state does not allow (409): cancel a finished build, resume a running one. */
public class BuildTransitionException extends DomainException {

    public BuildTransitionException(String slug, String message) {
        super(Kind.CONFLICT, slug, message);
    }
}
