package dev.kiln.artifact.domain.gc;

/** Who started a run. */
public enum GcTrigger {
    MANUAL,
    SCHEDULED
}
