package dev.kiln.events;

import java.time.Instant;
import java.util.List;

/** A successful build became a release candidate; test systems pick it up and report back. */
public record ReleaseCandidate(
        String version,
        String tag,
        String buildId,
        String channel,
        List<String> arches,
        List<String> vendors,
        Instant createdAt) implements KilnEvent {

    @Override
    public EventType<ReleaseCandidate> eventType() {
        return EventCatalog.RELEASE_CANDIDATE;
    }

    @Override
    public String key() {
        return version;
    }
}
