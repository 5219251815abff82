package dev.kiln.runner.domain.pipeline;

/** What a step run must be fanned out over for a template variable to have a value. */
public enum Scope {
    /** Known for every step run of a build once its version is allocated. */
    BUILD,
    /** Known only in step runs fanned out per architecture. */
    ARCH,
    /** Known only in step runs fanned out per vendor image. */
    VENDOR
}
