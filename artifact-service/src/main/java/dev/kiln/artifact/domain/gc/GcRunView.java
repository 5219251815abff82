package dev.kiln.artifact.domain.gc;

import java.time.Instant;
import java.util.List;

/** A collection run: what started it, its settings, progress counts and (when asked for) its items. */
public record GcRunView(
        String id,
        GcTrigger trigger,
        GcRunStatus status,
        String requestedBy,
        GcSettings settings,
        Instant startedAt,
        Instant finishedAt,
        int purges,
        int done,
        int failed,
        int skipped,
        long deletedObjects,
        String error,
        List<GcRunItem> items) {
}
