package dev.kiln.runner.api;

import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.VersionInfo;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepExecutor;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A build with every step run. {@code buildId} is Flatcar's build id of the version (nightly-...), not Kiln's id;
 * {@code pipelineDigest} the sha256 of the pipeline definition the build runs; {@code branch} and {@code commit} the
 * scripts branch and commit its version's tag points at (null until the version is allocated).
 */
public record BuildResponse(
        String id,
        String pipeline,
        String pipelineDigest,
        String state,
        String reason,
        String tag,
        String version,
        String versionId,
        String buildId,
        String sdkVersion,
        String channel,
        String branch,
        String commit,
        List<String> arches,
        List<String> vendors,
        Map<String, String> params,
        boolean skipCached,
        String requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<StepRunResponse> steps) {

    static BuildResponse of(Build build, StepExecutor executor) {
        VersionInfo v = build.version();
        List<StepRunResponse> steps = build.runs().stream().map(run -> StepRunResponse.of(build.id(), run,
                run.attempt() > 0 ? executor.referenceOf(new RunHandle(build.id(), run.key(), run.attempt())) : null))
                .toList();
        return new BuildResponse(build.id(), build.pipeline().name(), build.pipelineDigest(), build.state().apiName(),
                build.reason(), build.tag(), v == null ? null : v.version(), v == null ? null : v.versionId(),
                v == null ? null : v.buildId(), v == null ? null : v.sdkVersion(), v == null ? null : v.channel(),
                v == null ? null : v.branch(), v == null ? null : v.commit(),
                build.request().arches(), build.request().vendors(), build.request().params(),
                build.request().skipCached(), build.request().requestedBy(), build.createdAt(), build.startedAt(),
                build.finishedAt(), steps);
    }
}
