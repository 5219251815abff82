package dev.kiln.events;

import java.time.Instant;

/** A version was allocated: version.txt committed and the tag pushed to the scripts repo. */
public record VersionTagged(
        String tag,
        String version,
        String versionId,
        String buildId,
        String sdkVersion,
        String group,
        String channel,
        String branch,
        String commit,
        boolean official,
        Instant createdAt) implements KilnEvent {

    @Override
    public EventType<VersionTagged> eventType() {
        return EventCatalog.VERSION_TAGGED;
    }

    @Override
    public String key() {
        return tag;
    }
}
