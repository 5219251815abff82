package dev.kiln.events;

import java.time.Instant;
import java.util.List;

/** A build stopped because steps failed for good; it can be resumed from {@code failedSteps}. */
public record BuildFailed(
        String buildId,
        String pipeline,
        String tag,
        String version,
        List<String> failedSteps,
        String reason,
        Instant finishedAt) implements KilnEvent {

    @Override
    public EventType<BuildFailed> eventType() {
        return EventCatalog.BUILD_FAILED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
