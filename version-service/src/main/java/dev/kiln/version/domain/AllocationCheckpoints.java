package dev.kiln.version.domain;

/**
 * Points in an allocation where tests inject a crash or a competing writer. Production does nothing
 * here; the points are where a real crash leaves the states the convergence rules must handle.
 */
public interface AllocationCheckpoints {

    /** The pending allocation is committed; git is untouched. */
    default void reserved(Allocation allocation) {
    }

    /** About to commit, tag and push (attempt counts from 1). */
    default void beforePush(Allocation allocation, int attempt) {
    }

    /** The tag is on the remote; the allocation is not marked tagged yet. */
    default void pushed(Allocation allocation) {
    }
}
