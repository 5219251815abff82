package dev.kiln.clients;

import java.util.Optional;

/**
 * A call to another Kiln service that failed: {@code status} is the HTTP status (0 when none came back) and
 * {@code problemType} the problem+json slug the service answered with, so callers decide on the contract's
 * words, not on message text. {@link #permanent()} is true when repeating the same call cannot help.
 */
public class ServiceCallException extends RuntimeException {

    private final String service;
    private final int status;
    private final String problemType;

    public ServiceCallException(String service, String message, int status, String problemType, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.status = status;
        this.problemType = problemType;
    }

    public String service() {
        return service;
    }

    /** The HTTP status, or 0 when the service could not be reached or did not answer. */
    public int status() {
        return status;
    }

    /** The problem type's slug ({@code version-already-allocated}), if the answer was a Kiln problem. */
    public Optional<String> problemType() {
        return Optional.ofNullable(problemType);
    }

    /** 4xx other than 408 and 429: the request itself is wrong or refused, and stays so. */
    public boolean permanent() {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    public boolean notFound() {
        return status == 404;
    }
}
