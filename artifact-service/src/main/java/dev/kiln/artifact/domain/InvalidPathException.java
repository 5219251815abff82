package dev.kiln.artifact.domain;

/** A cache path that breaks the path rules; nothing was touched. */
public class InvalidPathException extends ArtifactException {

    public InvalidPathException(String detail) {
        super(Reason.INVALID_PATH, detail);
    }
}
