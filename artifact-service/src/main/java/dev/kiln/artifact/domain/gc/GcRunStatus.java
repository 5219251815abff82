package dev.kiln.artifact.domain.gc;

/** The state of a collection run. */
public enum GcRunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
