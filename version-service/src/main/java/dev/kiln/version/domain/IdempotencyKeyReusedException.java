package dev.kiln.version.domain;

import dev.kiln.common.error.DomainException;

/** An Idempotency-Key sent again with a different request. */
public class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException(String message) {
        super(Kind.ILLEGAL, "idempotency-key-reused", message);
    }
}
