package dev.kiln.version.domain;

/** An Idempotency-Key sent again with a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String message) {
        super(message);
    }
}
