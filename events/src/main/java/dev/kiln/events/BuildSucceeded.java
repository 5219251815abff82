package dev.kiln.events;

import java.time.Instant;
import java.util.List;

/**
 * Every step of a build succeeded or was skipped; {@code outputs} are cache paths. {@code branch} and {@code commit}
 * name the scripts commit the version's tag points at (added in v1 without a new type: readers ignore fields they do
 * not know, and older events carry neither).
 */
public record BuildSucceeded(
        String buildId,
        String pipeline,
        String tag,
        String version,
        String sdkVersion,
        List<String> arches,
        List<String> vendors,
        List<String> outputs,
        Instant finishedAt,
        String branch,
        String commit) implements KilnEvent {

    /** The event as first published, without branch and commit; kept so that existing producers still compile. */
    public BuildSucceeded(String buildId, String pipeline, String tag, String version, String sdkVersion,
            List<String> arches, List<String> vendors, List<String> outputs, Instant finishedAt) {
        this(buildId, pipeline, tag, version, sdkVersion, arches, vendors, outputs, finishedAt, null, null);
    }

    @Override
    public EventType<BuildSucceeded> eventType() {
        return EventCatalog.BUILD_SUCCEEDED;
    }

    @Override
    public String key() {
        return buildId;
    }
}
