package dev.kiln.runner.api;

import dev.kiln.runner.domain.build.StepRun;
import java.time.Instant;
import java.util.List;

/**
 * One step run: its state, current attempt (0 before the first), times, reason, declared outputs, where its
 * log is ({@code logUrl} on this API, {@code logPath} in the cache) and the executor's name for the attempt.
 */
public record StepRunResponse(
        String run,
        String step,
        String arch,
        String vendor,
        List<String> needs,
        String state,
        int attempt,
        Instant launchedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant retryAt,
        String reason,
        List<String> outputs,
        String logPath,
        String logUrl,
        String executorRef) {

    static StepRunResponse of(String buildId, StepRun run, String executorRef) {
        return new StepRunResponse(run.key(), run.step(), run.arch(), run.vendor(), run.needs(), run.state().apiName(),
                run.attempt(), run.launchedAt(), run.startedAt(), run.finishedAt(), run.notBefore(), run.reason(),
                run.outputs(), run.logPath(),
                run.attempt() > 0 ? "/api/v1/builds/" + buildId + "/steps/" + run.key() + "/log" : null, executorRef);
    }
}
