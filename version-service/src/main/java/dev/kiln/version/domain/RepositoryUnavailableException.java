package dev.kiln.version.domain;

/** The scripts repository remote could not be reached or failed mid-operation. */
public class RepositoryUnavailableException extends RuntimeException {

    private final boolean pushMayHaveHappened;

    public RepositoryUnavailableException(String message, Throwable cause, boolean pushMayHaveHappened) {
        super(message, cause);
        this.pushMayHaveHappened = pushMayHaveHappened;
    }

    /** True when the failure happened during a push, so the remote may hold the tag. */
    public boolean pushMayHaveHappened() {
        return pushMayHaveHappened;
    }
}
