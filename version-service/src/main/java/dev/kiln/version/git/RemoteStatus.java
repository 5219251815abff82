package dev.kiln.version.git;

import dev.kiln.version.domain.RepositoryUnavailableException;
import java.time.Instant;
import org.jboss.logging.Logger;

/** What readiness reports of the remote: when it was last fetched and the last fetch or push failure. */
final class RemoteStatus {

    private static final Logger LOG = Logger.getLogger(RemoteStatus.class);

    private volatile Instant lastFetch;
    private volatile String lastError;

    void fetched(Instant at) {
        lastFetch = at;
        lastError = null;
    }

    void pushed() {
        lastError = null;
    }

    /** Records and logs a failure and returns it as the domain's exception. */
    RepositoryUnavailableException unavailable(String what, Exception cause, boolean pushMayHaveHappened) {
        lastError = what + ": " + cause.getMessage();
        LOG.warnf(cause, "%s", lastError);
        return new RepositoryUnavailableException(lastError, cause, pushMayHaveHappened);
    }

    /** The last fetch or push failure, or null when the last one succeeded. */
    String lastError() {
        return lastError;
    }

    /** When the last fetch succeeded, or null before the first. */
    Instant lastFetch() {
        return lastFetch;
    }
}
