package dev.kiln.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A successful build became a release candidate; test systems pick it up and report back. {@code imageUrls} maps
 * each arch to the cache URL of its {@code images/<arch>/<version>/} directory, where a test system downloads
 * what it tests (added in v1 without a new type: readers ignore fields they do not know).
 */
public record ReleaseCandidate(
        String version,
        String tag,
        String buildId,
        String channel,
        List<String> arches,
        List<String> vendors,
        Instant createdAt,
        Map<String, String> imageUrls) implements KilnEvent {

    /** The candidate as first published, without image URLs; kept so that existing producers still compile. */
    public ReleaseCandidate(String version, String tag, String buildId, String channel, List<String> arches,
            List<String> vendors, Instant createdAt) {
        this(version, tag, buildId, channel, arches, vendors, createdAt, Map.of());
    }

    @Override
    public EventType<ReleaseCandidate> eventType() {
        return EventCatalog.RELEASE_CANDIDATE;
    }

    @Override
    public String key() {
        return version;
    }
}
