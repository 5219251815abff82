package dev.kiln.version.domain;

import dev.kiln.common.error.DomainException;
import java.time.Duration;
import java.util.List;

/** The allocation lock or the remote stayed busy for too long; nothing was allocated. Retry later. */
public class AllocationBusyException extends DomainException {

    /** Long enough for the allocations ahead in the queue to finish, short enough for a build to wait. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public AllocationBusyException(String message) {
        super(Kind.UNAVAILABLE, "allocation-busy", "Allocation busy", message, List.of(), RETRY_AFTER, null);
    }
}
