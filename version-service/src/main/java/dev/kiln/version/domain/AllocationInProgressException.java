package dev.kiln.version.domain;

import dev.kiln.common.error.DomainException;
import java.util.List;

/** The tag belongs to a pending allocation; retry it (same Idempotency-Key) before deleting. */
public class AllocationInProgressException extends DomainException {

    public AllocationInProgressException(String message) {
        super(Kind.CONFLICT, "allocation-in-progress", "Allocation in progress", message, List.of(), null, null);
    }
}
