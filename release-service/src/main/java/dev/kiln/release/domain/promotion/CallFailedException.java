package dev.kiln.release.domain.promotion;

/**
 * A call to version-service or build-runner that failed. {@code permanent}: the service refused the request itself
 * (a 4xx other than 408/429), so repeating it cannot help and the request fails; otherwise the next pass tries again.
 */
public class CallFailedException extends RuntimeException {

    private final boolean permanent;

    public CallFailedException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
