package dev.kiln.version.domain;

/** An allocation, and whether it is the stored answer to an earlier request with the same Idempotency-Key. */
public record AllocationResult(Allocation allocation, boolean replayed) {
}
