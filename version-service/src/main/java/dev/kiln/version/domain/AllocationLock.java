package dev.kiln.version.domain;

import java.util.function.Supplier;

/** Serialises compute-commit-tag-push across threads and replicas. */
public interface AllocationLock {

    /**
     * Runs {@code work} while holding the lock.
     *
     * @throws AllocationBusyException when the lock is not free within the configured time
     */
    <T> T exclusively(Supplier<T> work);
}
