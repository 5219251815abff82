package dev.kiln.localstack.testsystem;

/**
 * Something the test system depends on (the cache, release-service, Kafka) did not answer: the candidate is tried
 * again later rather than reported on, so an outage never turns into failed tests.
 */
public final class Unavailable extends RuntimeException {

    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public Unavailable(String message) {
        super(message);
    }
}
