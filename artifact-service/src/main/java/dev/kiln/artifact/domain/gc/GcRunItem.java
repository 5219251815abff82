package dev.kiln.artifact.domain.gc;

/** One decision of a run and how its execution went. */
public record GcRunItem(int seq, GcDecision decision, GcItemStatus status, long deletedObjects, String error) {
}
