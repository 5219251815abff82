package dev.kiln.runner.domain.build;

/**
 * The life of one step run. {@code STARTING}: an attempt was decided and handed to the executor, which has
 * not confirmed it yet; {@code RUNNING}: the executor has it; {@code BLOCKED}: it never ran because a step
 * it needs failed (a resume turns it back to pending).
 */
public enum RunState {
    PENDING, STARTING, RUNNING, SUCCEEDED, SKIPPED, FAILED, BLOCKED, CANCELLED;

    public boolean isActive() {
        return this == STARTING || this == RUNNING;
    }

    /** Done in a way that lets the steps after it run. */
    public boolean isDone() {
        return this == SUCCEEDED || this == SKIPPED;
    }

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
