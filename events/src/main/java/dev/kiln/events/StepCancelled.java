package dev.kiln.events;

import java.time.Instant;

/** A step run ended unfinished because its build was cancelled; {@code attempt} is 0 if it never ran. */
public record StepCancelled(
        String buildId,
        String step,
        String stepRun,
        String tag,
        String version,
        String arch,
        String vendor,
        int attempt,
        String reason,
        Instant cancelledAt) implements KilnEvent {

    @Override
    public EventType<StepCancelled> eventType() {
        return EventCatalog.STEP_CANCELLED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
