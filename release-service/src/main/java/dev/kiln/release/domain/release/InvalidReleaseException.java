package dev.kiln.release.domain.release;

import dev.kiln.common.error.DomainException;

/** A release described with missing or wrong facts (not official, no arches, no actor...). */
public class InvalidReleaseException extends DomainException {

    public static final String SLUG = "invalid-release";

    public InvalidReleaseException(String detail) {
        super(Kind.INVALID, SLUG, detail);
    }
}
