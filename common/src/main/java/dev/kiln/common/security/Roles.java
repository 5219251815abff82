package dev.kiln.common.security;

/** The roles Kiln's mutating endpoints require. */
public final class Roles {

    /** Starts builds, allocates versions, writes to the build cache. */
    public static final String BUILDER = "builder";
    /** Promotes, publishes and rolls back releases. */
    public static final String RELEASER = "releaser";
    /** Reports test results for release candidates (a downstream test system). */
    public static final String TESTER = "tester";
    /** Everything, including garbage collection and deletions. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
