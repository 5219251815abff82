package dev.kiln.runner.domain.port;

/**
 * A collaborator failed. {@code permanent} failures (a rejected request) will fail again if retried;
 * the others (timeouts, 5xx, connection refused) may pass later.
 */
public class PortException extends RuntimeException {

    private final boolean permanent;

    public PortException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
