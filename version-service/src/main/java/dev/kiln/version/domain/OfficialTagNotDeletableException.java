package dev.kiln.version.domain;

/** Official release tags can never be deleted through Kiln. */
public class OfficialTagNotDeletableException extends RuntimeException {

    public OfficialTagNotDeletableException(String message) {
        super(message);
    }
}
