package dev.kiln.events;

import java.time.Instant;
import java.util.List;

/** A step run did not run because its outputs already exist for this version (or upstream said so). */
public record StepSkipped(
        String buildId,
        String step,
        String stepRun,
        String tag,
        String version,
        String arch,
        String vendor,
        String reason,
        List<String> outputs,
        Instant skippedAt) implements KilnEvent {

    @Override
    public EventType<StepSkipped> eventType() {
        return EventCatalog.STEP_SKIPPED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
