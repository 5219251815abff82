package dev.kiln.runner.domain.build;

/** The life of a build: requested until its version is known, then running until it ends one way. */
public enum BuildState {
    REQUESTED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** Parses the lower-case spelling the API uses. */
    public static BuildState parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
