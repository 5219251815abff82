package dev.kiln.console.client;

/**
 * A service refused or failed a call: {@code status} is its HTTP status (0 when it did not answer), {@code problem}
 * the problem+json slug and {@code detail} its detail, shown to the user as they came.
 */
public class BackendException extends RuntimeException {

    private final String service;
    private final int status;
    private final String problem;
    private final String detail;

    public BackendException(String service, int status, String problem, String detail, Throwable cause) {
        super(service + " answered " + (status == 0 ? "nothing" : "HTTP " + status) + (problem == null ? "" : " " + problem)
                + (detail == null ? "" : ": " + detail), cause);
        this.service = service;
        this.status = status;
        this.problem = problem;
        this.detail = detail;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }

    /** The endpoint (or the thing asked for) does not exist there. */
    public boolean notFound() {
        return status == 404 || status == 405;
    }
}
