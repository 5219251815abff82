package dev.kiln.version.domain;

/** A well-formed request that Flatcar's version rules forbid; the message says which rule. */
public class IllegalVersionRequestException extends RuntimeException {

    public IllegalVersionRequestException(String reason) {
        super(reason);
    }
}
