package dev.kiln.version.domain;

/** The tag belongs to a pending allocation; retry it (same Idempotency-Key) before deleting. */
public class AllocationInProgressException extends RuntimeException {

    public AllocationInProgressException(String message) {
        super(message);
    }
}
