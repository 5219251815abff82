package dev.kiln.version.domain;

/** What applying Flatcar's tag rule to one plan did. */
public sealed interface TagOutcome {

    /** The tag is on the remote and points at {@code commit}; {@code reused} when it was there already. */
    record Tagged(String commit, boolean reused) implements TagOutcome {
    }

    /** The tag exists with a different tree: Flatcar's rule says fail. Nothing was pushed. */
    record Conflict(String reason) implements TagOutcome {
    }

    /** The remote moved between fetch and push (non-fast-forward, or the tag appeared). Nothing was pushed. */
    record Rejected(String reason) implements TagOutcome {
    }
}
