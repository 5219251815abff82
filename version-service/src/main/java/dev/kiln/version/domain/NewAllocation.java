package dev.kiln.version.domain;

import java.time.Instant;

/** What is stored when an allocation is reserved, before git is touched. */
public record NewAllocation(AllocationPlan plan, String idempotencyKey, String requestHash, String requestedBy,
        Instant createdAt) {
}
