package dev.kiln.version.domain;

/** The allocation lock or the remote stayed busy for too long; nothing was allocated. Retry later. */
public class AllocationBusyException extends RuntimeException {

    public AllocationBusyException(String message) {
        super(message);
    }
}
