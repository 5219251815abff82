package dev.kiln.events;

import java.time.Instant;

/** A step run will not run in this round because a step it needs failed (a resume may run it later). */
public record StepBlocked(
        String buildId,
        String step,
        String stepRun,
        String tag,
        String version,
        String arch,
        String vendor,
        int attempt,
        String reason,
        Instant blockedAt) implements KilnEvent {

    @Override
    public EventType<StepBlocked> eventType() {
        return EventCatalog.STEP_BLOCKED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
