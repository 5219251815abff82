package dev.kiln.release.domain.gate;

import dev.kiln.common.error.DomainException;

/** A gate policy that makes no sense (negative counts, unknown channel, duplicate suites...). */
public class InvalidGatePolicyException extends DomainException {

    public static final String SLUG = "invalid-gate-policy";

    public InvalidGatePolicyException(String detail) {
        super(Kind.INVALID, SLUG, detail);
    }
}
