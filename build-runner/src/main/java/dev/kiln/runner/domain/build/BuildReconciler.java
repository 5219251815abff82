package dev.kiln.runner.domain.build;

import dev.kiln.events.StepBlocked;
import dev.kiln.events.StepFailed;
import dev.kiln.events.StepRetrying;
import dev.kiln.events.StepSkipped;
import dev.kiln.events.StepStarted;
import dev.kiln.events.StepSucceeded;
import dev.kiln.runner.domain.pipeline.RetryPolicy;
import dev.kiln.runner.domain.port.Observation;
import dev.kiln.runner.domain.port.RunHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules that move a running build forward, as one pure pass: read what the executor observed for the
 * active attempts, settle finished ones (outputs verified in the cache, else the attempt failed), retry or
 * fail failed attempts per the step's policy, skip ready runs whose outputs all exist already, launch the
 * other ready runs, and end the build when nothing more can run. The same pass over the same inputs makes
 * the same decisions, so passes can repeat after a crash or a missed event.
 */
public final class BuildReconciler {

    /** The reason a build that never got its version fails with, and the start of its runs' block reason. */
    public static final String ALLOCATION_FAILED = "version-allocation-failed";

    /**
     * Limits of a pass: how long an attempt may sit unschedulable, pending (no pod, image pulling, container
     * creating) or unconfirmed by the executor, how many runs of one build may be active at once (0: no
     * limit), and the executor name for events.
     */
    public record Settings(Duration unschedulableLimit, Duration pendingLimit, Duration launchTimeout, int maxActiveRuns,
            String executor) {
    }

    private final Settings settings;

    public BuildReconciler(Settings settings) {
        this.settings = settings;
    }

    /**
     * One pass over {@code build}. {@code observe} says what the executor knows about an attempt; it is only
     * asked about active attempts.
     */
    public ReconcileResult reconcile(Build build, Function<RunHandle, Observation> observe, CacheView cache, Instant now) {
        ReconcileResult result = new ReconcileResult();
        if (build.state() != BuildState.RUNNING) {
            return result;
        }
        Set<String> verifying = new HashSet<>();
        for (StepRun run : build.runs()) {
            if (run.state().isActive()) {
                settleActive(build, run, observe.apply(handle(build, run)), cache, now, result, verifying);
            }
        }
        scheduleReady(build, cache, now, result);
        prefetchSuccessors(build, verifying, cache, result);
        finishIfDone(build, now, result);
        return result;
    }

    /** Cancels the build and says which attempts to stop and whose logs to keep. */
    public static ReconcileResult cancel(Build build, String by, String why, Instant now) {
        ReconcileResult result = new ReconcileResult();
        for (StepRun run : build.cancel(by, why, now)) {
            RunHandle handle = handle(build, run);
            result.stop(handle);
            result.storeLog(handle, StepRenderer.logPath(build, run, run.attempt(), false));
        }
        return result;
    }

    private void settleActive(Build build, StepRun run, Observation seen, CacheView cache, Instant now,
            ReconcileResult result, Set<String> verifying) {
        Observation observation = seen != null ? seen : new Observation.NotFound("not reported by the executor");
        switch (observation) {
            case Observation.NotFound notFound -> {
                if (!settleFromOutputs(build, run, notFound, cache, now, result, verifying)) {
                    settleMissing(build, run, notFound, now, result);
                }
            }
            case Observation.Waiting waiting -> settleWaiting(build, run, waiting, now, result);
            case Observation.Running ignored -> run.confirmStarted(now, null);
            case Observation.Succeeded ignored -> {
                if (!settleSucceeded(build, run, cache, now, result)) {
                    verifying.add(run.key());
                }
            }
            case Observation.Failed failed -> attemptFailed(build, run, failed.reason() + ": " + failed.detail(), now, result);
        }
    }

    /**
     * An attempt the executor no longer has may have finished while nobody watched (a Job expires an hour
     * after it ends): if every declared output is in the cache, its work is done. Returns true when settled
     * or when the lookup is still to come.
     */
    /**
     * Decides after the build's version allocation failed for the {@code failures}-th time: true when a later try
     * may succeed (a passing failure, tries left); otherwise the build fails before it starts, naming why.
     */
    public static boolean retryAllocation(Build build, String why, boolean permanent, int failures, int maxAttempts,
            Instant now) {
        if (!permanent && failures < maxAttempts) {
            return true;
        }
        build.failBeforeStart(ALLOCATION_FAILED + ": " + why
                + (permanent ? "" : " (gave up after " + failures + " tries)"), now);
        return false;
    }

    private static boolean settleFromOutputs(Build build, StepRun run, Observation.NotFound notFound, CacheView cache,
            Instant now, ReconcileResult result, Set<String> verifying) {
        if (run.outputs().isEmpty()) {
            return false;
        }
        Optional<List<String>> missing = missing(run.outputs(), cache, result);
        if (missing.isEmpty()) {
            verifying.add(run.key());
            return true;
        }
        if (!missing.get().isEmpty()) {
            return false;
        }
        run.succeed(now, "succeeded unobserved: " + notFound.reason() + ", but all " + run.outputs().size()
                + " declared output(s) are in the cache");
        result.storeLog(handle(build, run), run.logPath());
        build.record(new StepSucceeded(build.id(), run.step(), run.key(), build.tag(), build.versionString(),
                run.arch(), run.vendor(), run.attempt(), run.outputs(), run.logPath(), now));
        return true;
    }

    private void settleMissing(Build build, StepRun run, Observation.NotFound notFound, Instant now,
            ReconcileResult result) {
        if (run.state() == RunState.RUNNING) {
            attemptFailed(build, run, "vanished: " + notFound.reason(), now, result);
        } else if (run.launchedAt() != null && now.isAfter(run.launchedAt().plus(settings.launchTimeout()))) {
            attemptFailed(build, run, "launch-failed: the executor did not start the attempt within "
                    + settings.launchTimeout().toSeconds() + "s", now, result);
        } else {
            result.launch(StepRenderer.launch(build, run));
            result.wakeAt(run.launchedAt() == null ? now : run.launchedAt().plus(settings.launchTimeout()));
        }
    }

    private void settleWaiting(Build build, StepRun run, Observation.Waiting waiting, Instant now,
            ReconcileResult result) {
        Instant since = waiting.unschedulableSince();
        run.confirmStarted(now, since == null ? waiting.message() : "unschedulable: " + waiting.message());
        if (since != null) {
            failAfter(build, run, since.plus(settings.unschedulableLimit()), "unschedulable: " + waiting.message()
                    + " (for more than " + settings.unschedulableLimit().toSeconds() + "s)", now, result);
        } else {
            Instant placed = run.startedAt() == null ? now : run.startedAt();
            failAfter(build, run, placed.plus(settings.pendingLimit()), "pending: " + waiting.message()
                    + " (for more than " + settings.pendingLimit().toSeconds() + "s)", now, result);
        }
    }

    private void failAfter(Build build, StepRun run, Instant limit, String why, Instant now, ReconcileResult result) {
        if (now.isBefore(limit)) {
            result.wakeAt(limit);
        } else {
            result.stop(handle(build, run));
            attemptFailed(build, run, why, now, result);
        }
    }

    /** Returns false while the outputs are not looked up yet. */
    private boolean settleSucceeded(Build build, StepRun run, CacheView cache, Instant now, ReconcileResult result) {
        Optional<List<String>> missing = missing(run.outputs(), cache, result);
        if (missing.isEmpty()) {
            return false;
        }
        if (!missing.get().isEmpty()) {
            attemptFailed(build, run, "missing-outputs: the step exited 0 but the cache lacks " + missing.get(), now, result);
            return true;
        }
        run.succeed(now);
        result.storeLog(handle(build, run), run.logPath());
        build.record(new StepSucceeded(build.id(), run.step(), run.key(), build.tag(), build.versionString(),
                run.arch(), run.vendor(), run.attempt(), run.outputs(), run.logPath(), now));
        return true;
    }

    /**
     * Asks, without deciding anything, for the cache paths that the runs waiting only on attempts whose outputs
     * are being verified will need for their skip check, so that one lookup round serves both.
     */
    private static void prefetchSuccessors(Build build, Set<String> verifying, CacheView cache,
            ReconcileResult result) {
        if (verifying.isEmpty() || !build.request().skipCached()) {
            return;
        }
        for (StepRun run : build.runs()) {
            boolean waitsOnVerification = run.needs().stream().anyMatch(verifying::contains);
            boolean otherwiseReady = run.needs().stream().allMatch(key -> verifying.contains(key)
                    || build.run(key).map(r -> r.state().isDone()).orElse(true));
            if (run.state() == RunState.PENDING && run.attemptsInRound() == 0 && waitsOnVerification && otherwiseReady) {
                missing(StepRenderer.outputs(build, run), cache, result);
            }
        }
    }

    private void attemptFailed(Build build, StepRun run, String why, Instant now, ReconcileResult result) {
        RetryPolicy retry = StepRenderer.definition(build, run).retry();
        RunHandle handle = handle(build, run);
        if (retry.allowsAnother(run.attemptsInRound())) {
            Instant retryAt = now.plus(retry.delayAfter(run.attemptsInRound()));
            result.storeLog(handle, StepRenderer.logPath(build, run, run.attempt(), true));
            run.retryLater(retryAt, why);
            result.wakeAt(retryAt);
            build.record(new StepRetrying(build.id(), run.step(), run.key(), build.tag(), build.versionString(),
                    run.arch(), run.vendor(), run.attempt(), run.attempt() + 1, why, retryAt));
        } else {
            run.fail(now, why);
            result.storeLog(handle, run.logPath());
            build.record(new StepFailed(build.id(), run.step(), run.key(), build.tag(), build.versionString(),
                    run.arch(), run.vendor(), run.attempt(), why, run.logPath(), now));
        }
    }

    private void scheduleReady(Build build, CacheView cache, Instant now, ReconcileResult result) {
        long active = build.runs().stream().filter(r -> r.state().isActive()).count();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (StepRun run : build.runs()) {
                if (run.state() != RunState.PENDING || !needsDone(build, run)) {
                    continue;
                }
                if (run.notBefore() != null && now.isBefore(run.notBefore())) {
                    result.wakeAt(run.notBefore());
                    continue;
                }
                if (settings.maxActiveRuns() > 0 && active >= settings.maxActiveRuns()) {
                    return;
                }
                Start start = start(build, run, cache, now, result);
                if (start == Start.SKIPPED) {
                    changed = true;
                } else if (start == Start.LAUNCHED) {
                    active++;
                }
            }
        }
    }

    private enum Start { LAUNCHED, SKIPPED, UNDECIDED }

    private Start start(Build build, StepRun run, CacheView cache, Instant now, ReconcileResult result) {
        List<String> outputs = StepRenderer.outputs(build, run);
        boolean firstOfRound = run.attemptsInRound() == 0;
        if (firstOfRound && build.request().skipCached() && !outputs.isEmpty()) {
            Optional<List<String>> missing = missing(outputs, cache, result);
            if (missing.isEmpty()) {
                return Start.UNDECIDED;
            }
            if (missing.get().isEmpty()) {
                String why = "outputs already in the cache for " + build.versionString() + " (" + outputs.size() + " of "
                        + outputs.size() + ")";
                run.skip(now, why, outputs);
                build.record(new StepSkipped(build.id(), run.step(), run.key(), build.tag(), build.versionString(),
                        run.arch(), run.vendor(), why, outputs, now));
                return Start.SKIPPED;
            }
        }
        run.launch(now, outputs, StepRenderer.logPath(build, run, run.attempt() + 1, false));
        result.launch(StepRenderer.launch(build, run));
        result.wakeAt(now.plus(settings.launchTimeout()));
        build.record(new StepStarted(build.id(), run.step(), run.key(), build.tag(), build.versionString(),
                run.arch(), run.vendor(), run.attempt(), settings.executor(), now));
        return Start.LAUNCHED;
    }

    /** The outputs the cache lacks, or empty when some were not looked up yet (recorded in the result). */
    private static Optional<List<String>> missing(List<String> outputs, CacheView cache, ReconcileResult result) {
        List<String> missing = new ArrayList<>();
        boolean unknown = false;
        for (String path : outputs) {
            Optional<Boolean> exists = cache.exists(path);
            if (exists.isEmpty()) {
                result.unknown(path);
                unknown = true;
            } else if (!exists.get()) {
                missing.add(path);
            }
        }
        return unknown ? Optional.empty() : Optional.of(missing);
    }

    private static boolean needsDone(Build build, StepRun run) {
        return run.needs().stream().allMatch(key -> build.run(key).map(r -> r.state().isDone()).orElse(true));
    }

    private static void finishIfDone(Build build, Instant now, ReconcileResult result) {
        Map<String, Boolean> dead = new HashMap<>();
        for (StepRun run : build.runs()) {
            if (run.state().isActive() || (run.state() == RunState.PENDING && !isDead(build, run, dead))) {
                return;
            }
        }
        List<String> failed = build.runs().stream().filter(r -> r.state() == RunState.FAILED).map(StepRun::key).toList();
        if (failed.isEmpty()) {
            build.succeed(now);
            return;
        }
        for (StepRun run : build.runs()) {
            if (run.state() == RunState.PENDING) {
                run.block("not run: " + failedUpstream(build, run) + " failed");
                build.record(new StepBlocked(build.id(), run.step(), run.key(), build.tag(), build.versionString(),
                        run.arch(), run.vendor(), run.attempt(), run.reason(), now));
            }
        }
        build.fail(failed, failed.size() + " step run(s) failed: " + String.join(", ", failed), now);
    }

    private static boolean isDead(Build build, StepRun run, Map<String, Boolean> memo) {
        Boolean known = memo.get(run.key());
        if (known != null) {
            return known;
        }
        boolean dead = run.needs().stream().map(build::run).flatMap(Optional::stream).anyMatch(need ->
                need.state() == RunState.FAILED || need.state() == RunState.BLOCKED
                        || need.state() == RunState.CANCELLED
                        || (need.state() == RunState.PENDING && isDead(build, need, memo)));
        memo.put(run.key(), dead);
        return dead;
    }

    private static String failedUpstream(Build build, StepRun run) {
        for (String key : run.needs()) {
            StepRun need = build.run(key).orElseThrow();
            if (need.state() == RunState.FAILED) {
                return key;
            }
            if (need.state() == RunState.PENDING || need.state() == RunState.BLOCKED) {
                return failedUpstream(build, need);
            }
        }
        return "an upstream step";
    }

    static RunHandle handle(Build build, StepRun run) {
        return new RunHandle(build.id(), run.key(), run.attempt());
    }
}
