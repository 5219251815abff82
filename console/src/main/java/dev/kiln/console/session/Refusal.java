package dev.kiln.console.session;

/** The console itself refuses a request (no session, no CSRF token, a bad form): {@code status} and why. */
public class Refusal extends RuntimeException {

    private final int status;

    public Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
