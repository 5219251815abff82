package dev.kiln.artifact.domain.gc;

/** The state of one decision within a run. */
public enum GcItemStatus {
    KEPT,
    PENDING,
    DONE,
    FAILED
}
