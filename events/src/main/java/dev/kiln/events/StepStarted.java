package dev.kiln.events;

import java.time.Instant;

/** One attempt of one step run (step x arch x vendor) started on an executor. */
public record StepStarted(
        String buildId,
        String step,
        String stepRun,
        String tag,
        String version,
        String arch,
        String vendor,
        int attempt,
        String executor,
        Instant startedAt) implements KilnEvent {

    @Override
    public EventType<StepStarted> eventType() {
        return EventCatalog.STEP_STARTED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
