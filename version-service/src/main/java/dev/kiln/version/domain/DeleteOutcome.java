package dev.kiln.version.domain;

/** What deleting a tag on the remote did. */
public enum DeleteOutcome {
    /** Deleted on the remote and locally. */
    DELETED,
    /** The remote has no such tag (any local copy is gone too). */
    ABSENT,
    /** The tag moved on the remote between fetch and push; nothing was deleted. */
    REJECTED
}
