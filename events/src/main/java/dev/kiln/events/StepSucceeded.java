package dev.kiln.events;

import java.time.Instant;
import java.util.List;

/** A step run finished and all of its declared outputs were found in the cache. */
public record StepSucceeded(
        String buildId,
        String step,
        String stepRun,
        String tag,
        String version,
        String arch,
        String vendor,
        int attempt,
        List<String> outputs,
        String logPath,
        Instant finishedAt) implements KilnEvent {

    @Override
    public EventType<StepSucceeded> eventType() {
        return EventCatalog.STEP_SUCCEEDED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
