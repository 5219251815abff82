package dev.kiln.version.domain;

import dev.kiln.common.error.DomainException;
import java.util.List;

/** The computed version already belongs to another tag or allocation: versions are never handed out twice. */
public class VersionTakenException extends DomainException {

    private final String tag;

    public VersionTakenException(String tag, String reason) {
        super(Kind.CONFLICT, "version-already-allocated", "Version already allocated", reason, List.of(), null, null);
        this.tag = tag;
    }

    /** The tag that holds the version. */
    public String tag() {
        return tag;
    }
}
