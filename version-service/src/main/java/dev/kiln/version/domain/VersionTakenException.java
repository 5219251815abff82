package dev.kiln.version.domain;

/** The computed version already belongs to another tag or allocation: versions are never handed out twice. */
public class VersionTakenException extends RuntimeException {

    private final String tag;

    public VersionTakenException(String tag, String reason) {
        super(reason);
        this.tag = tag;
    }

    /** The tag that holds the version. */
    public String tag() {
        return tag;
    }
}
