package dev.kiln.artifact.domain.gc;

/** What a collection does with a version or directory. */
public enum GcAction {
    KEEP,
    PURGE
}
