package dev.kiln.artifact.domain.gc;

/** The state of one decision within a run. */
public enum GcItemStatus {
    KEPT,
    PENDING,
    DONE,
    FAILED,
    /** Not purged: something was written below it after planning, or is being written. */
    SKIPPED
}
