package dev.kiln.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every step of a build succeeded or was skipped; {@code outputs} are cache paths. {@code branch} and {@code commit}
 * name the scripts commit the version's tag points at; {@code pipelineDigest} is the sha256 of the pipeline
 * definition the build ran (build-runner's snapshot of it) and {@code params} the build's params. These four were added
 * in v1 without a new type: readers ignore fields they do not know, and older events carry none of them.
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
        String commit,
        String pipelineDigest,
        Map<String, String> params) implements KilnEvent {

    /** The event as first published, without branch and commit; kept so that existing producers still compile. */
    public BuildSucceeded(String buildId, String pipeline, String tag, String version, String sdkVersion,
            List<String> arches, List<String> vendors, List<String> outputs, Instant finishedAt) {
        this(buildId, pipeline, tag, version, sdkVersion, arches, vendors, outputs, finishedAt, null, null);
    }

    /** The event with branch and commit, before the pipeline's digest and params; kept for existing producers. */
    public BuildSucceeded(String buildId, String pipeline, String tag, String version, String sdkVersion,
            List<String> arches, List<String> vendors, List<String> outputs, Instant finishedAt, String branch,
            String commit) {
        this(buildId, pipeline, tag, version, sdkVersion, arches, vendors, outputs, finishedAt, branch, commit, null, null);
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
