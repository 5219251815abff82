package dev.kiln.version.domain;

import dev.kiln.common.error.DomainException;
import java.util.List;

/** Official release tags can never be deleted through Kiln. */
public class OfficialTagNotDeletableException extends DomainException {

    public OfficialTagNotDeletableException(String message) {
        super(Kind.CONFLICT, "official-tag-not-deletable", "Official tag", message, List.of(), null, null);
    }
}
