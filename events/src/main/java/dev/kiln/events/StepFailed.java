package dev.kiln.events;

import java.time.Instant;

/** A step run failed for good: its last allowed attempt failed, or it cannot be retried. */
public record StepFailed(
        String buildId,
        String step,
        String stepRun,
        String tag,
        String version,
        String arch,
        String vendor,
        int attempt,
        String reason,
        String logPath,
        Instant finishedAt) implements KilnEvent {

    @Override
    public EventType<StepFailed> eventType() {
        return EventCatalog.STEP_FAILED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
