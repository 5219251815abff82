package dev.kiln.events;

import java.time.Instant;
import java.util.List;

/** A build was accepted; its version may not be allocated yet ({@code tag} null until then). */
public record BuildRequested(
        String buildId,
        String pipeline,
        String kind,
        String branch,
        String tag,
        List<String> arches,
        List<String> vendors,
        String requestedBy,
        Instant requestedAt) implements KilnEvent {

    @Override
    public EventType<BuildRequested> eventType() {
        return EventCatalog.BUILD_REQUESTED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
