package dev.kiln.version.domain;

import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.UpdateGroup;
/** Filters of the allocation list; null means "any". */
public record AllocationFilter(UpdateGroup group, String branch, Boolean official, VersionKind kind,
        AllocationStatus status) {
}
