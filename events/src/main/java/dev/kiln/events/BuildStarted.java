package dev.kiln.events;

import java.time.Instant;
import java.util.List;

/** A build has its version and runs its first steps. */
public record BuildStarted(
        String buildId,
        String pipeline,
        String tag,
        String version,
        String sdkVersion,
        List<String> arches,
        List<String> vendors,
        Instant startedAt) implements KilnEvent {

    @Override
    public EventType<BuildStarted> eventType() {
        return EventCatalog.BUILD_STARTED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
