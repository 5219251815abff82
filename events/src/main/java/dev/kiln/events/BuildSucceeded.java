package dev.kiln.events;

import java.time.Instant;
import java.util.List;

/** Every step of a build succeeded or was skipped; {@code outputs} are cache paths. */
public record BuildSucceeded(
        String buildId,
        String pipeline,
        String tag,
        String version,
        String sdkVersion,
        List<String> arches,
        List<String> vendors,
        List<String> outputs,
        Instant finishedAt) implements KilnEvent {

    @Override
    public EventType<BuildSucceeded> eventType() {
        return EventCatalog.BUILD_SUCCEEDED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
