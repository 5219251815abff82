package dev.kiln.artifact.domain.gc;

/** The three parts of Flatcar's collector (flatcar-ci.md 4): dev builds, orphan directories, release copies. */
public enum GcRule {
    DEV_BUILD("dev-build"),
    ORPHAN("orphan"),
    RELEASE_COPY("release-copy");

    private final String id;

    GcRule(String id) {
        this.id = id;
    }

    /** The name used in events and the API. */
    public String id() {
        return id;
    }
}
