package dev.kiln.events;

import java.time.Instant;
import java.util.List;

/** A release became the current one of a channel for the listed architectures. */
public record ReleasePublished(String version, String channel, List<String> arches, Instant publishedAt)
        implements KilnEvent {

    @Override
    public EventType<ReleasePublished> eventType() {
        return EventCatalog.RELEASE_PUBLISHED;
    }

    @Override
    public String key() {
        return version;
    }
}
