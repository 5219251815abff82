package dev.kiln.version.domain;

import dev.kiln.common.error.DomainException;
import java.util.List;

/** The scripts repository remote could not be reached or failed mid-operation. Retry later. */
public class RepositoryUnavailableException extends DomainException {

    private static final String PUSH_MAY_HAVE_HAPPENED =
            "; the push may have reached the remote: retry with the same Idempotency-Key to converge";

    private final boolean pushMayHaveHappened;

    public RepositoryUnavailableException(String message, Throwable cause, boolean pushMayHaveHappened) {
        super(Kind.UNAVAILABLE, "scripts-repository-unavailable", "Scripts repository unavailable",
                message + (pushMayHaveHappened ? PUSH_MAY_HAVE_HAPPENED : ""), List.of(),
                AllocationBusyException.RETRY_AFTER, cause);
        this.pushMayHaveHappened = pushMayHaveHappened;
    }

    /** True when the failure happened during a push, so the remote may hold the tag. */
    public boolean pushMayHaveHappened() {
        return pushMayHaveHappened;
    }
}
