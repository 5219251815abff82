package dev.kiln.version.domain;

import dev.kiln.common.error.DomainException;
import java.util.List;

/** A well-formed request that Flatcar's version rules forbid; the message says which rule. */
public class IllegalVersionRequestException extends DomainException {

    public IllegalVersionRequestException(String message) {
        super(Kind.ILLEGAL, "illegal-version-request", "Illegal version request", message, List.of(), null, null);
    }
}
