package dev.kiln.version.domain;

/** Filters of the allocation list; null means "any". */
public record AllocationFilter(UpdateGroup group, String branch, Boolean official, AllocationKind kind,
        AllocationStatus status) {
}
