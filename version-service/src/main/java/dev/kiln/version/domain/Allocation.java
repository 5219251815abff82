package dev.kiln.version.domain;

import dev.kiln.flatcar.Tag;
import java.time.Instant;

/**
 * One version handed out: the plan it was reserved with, and what became of it. {@code commit} is the
 * commit the tag points at once tagged; {@code idempotencyKey} and {@code requestHash} let a retried
 * request find its first answer.
 */
public record Allocation(long id, AllocationPlan plan, AllocationStatus status, String commit, String idempotencyKey,
        String requestHash, String requestedBy, Instant createdAt, Instant taggedAt, Instant deletedAt,
        String deleteReason) {

    public Tag tag() {
        return plan.tag();
    }
}
