package dev.kiln.events;

import java.time.Instant;

/** Attempt {@code attempt} of a step run failed and attempt {@code nextAttempt} is due at {@code retryAt}. */
public record StepRetrying(
        String buildId,
        String step,
        String stepRun,
        String tag,
        String version,
        String arch,
        String vendor,
        int attempt,
        int nextAttempt,
        String reason,
        Instant retryAt) implements KilnEvent {

    @Override
    public EventType<StepRetrying> eventType() {
        return EventCatalog.STEP_RETRYING;
    }

    @Override
    public String key() {
        return buildId;
    }
}
