package dev.kiln.version.domain;

/** The tag exists on the remote with a different tree (Flatcar's rule: fail). Nothing was pushed. */
public class TagConflictException extends RuntimeException {

    public TagConflictException(String message) {
        super(message);
    }
}
