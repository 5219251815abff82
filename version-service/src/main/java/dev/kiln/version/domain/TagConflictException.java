package dev.kiln.version.domain;

import dev.kiln.common.error.DomainException;
import java.util.List;

/** The tag exists on the remote with a different tree (Flatcar's rule: fail). Nothing was pushed. */
public class TagConflictException extends DomainException {

    public TagConflictException(String message) {
        super(Kind.CONFLICT, "tag-conflict", "Conflicting tag", message, List.of(), null, null);
    }
}
