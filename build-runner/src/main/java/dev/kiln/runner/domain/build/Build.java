package dev.kiln.runner.domain.build;

import dev.kiln.events.BuildCancelled;
import dev.kiln.events.BuildFailed;
import dev.kiln.events.BuildRequested;
import dev.kiln.events.BuildStarted;
import dev.kiln.events.BuildSucceeded;
import dev.kiln.events.KilnEvent;
import dev.kiln.events.StepBlocked;
import dev.kiln.events.StepCancelled;
import dev.kiln.runner.domain.pipeline.DagExpander;
import dev.kiln.runner.domain.pipeline.Pipeline;
import dev.kiln.runner.domain.pipeline.RunPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A build: one pipeline run for one version, its step runs, and the events its changes produce. Commands
 * ({@link #start}, {@link #cancel}, {@link #resume}) check the state; the reconciler moves the step runs.
 * Every change that others care about records an event; {@link #drainEvents()} hands them to the outbox.
 */
public final class Build {

    private final String id;
    private final Pipeline pipeline;
    private final BuildRequest request;
    private final Instant createdAt;
    private final Map<String, StepRun> runs = new LinkedHashMap<>();
    private final List<KilnEvent> events = new ArrayList<>();
    private VersionInfo version;
    private BuildState state;
    private String reason;
    private Instant startedAt;
    private Instant finishedAt;
    private String pipelineDigest;

    private Build(String id, Pipeline pipeline, BuildRequest request, Instant createdAt) {
        this.id = id;
        this.pipeline = pipeline;
        this.request = request;
        this.createdAt = createdAt;
    }

    /** Validates the request against the pipeline, expands its DAG and records {@code build.requested}. */
    public static Build create(String id, Pipeline pipeline, BuildRequest request, Instant now) {
        BuildRequestRules.check(pipeline, request);
        Build build = new Build(id, pipeline, request, now);
        build.state = BuildState.REQUESTED;
        for (RunPlan plan : DagExpander.expand(pipeline, request.arches(), request.vendors())) {
            build.runs.put(plan.key(), StepRun.planned(plan.key(), plan.step(), plan.arch(), plan.vendor(), plan.needs()));
        }
        if (build.runs.isEmpty()) {
            throw new InvalidBuildRequestException("empty-build",
                    "pipeline '" + pipeline.name() + "' has no step run for these arches and vendors");
        }
        build.events.add(new BuildRequested(id, pipeline.name(), request.version() == null ? null : request.version().kind().id(),
                request.version() == null ? null : request.version().branch(), request.tag(), request.arches(),
                request.vendors(), request.requestedBy(), now));
        return build;
    }

    /** Rebuilds a build from storage; no event is recorded. */
    public static Build restore(String id, Pipeline pipeline, BuildRequest request, Instant createdAt,
            VersionInfo version, BuildState state, String reason, Instant startedAt, Instant finishedAt,
            Collection<StepRun> runs) {
        Build build = new Build(id, pipeline, request, createdAt);
        build.version = version;
        build.state = state;
        build.reason = reason;
        build.startedAt = startedAt;
        build.finishedAt = finishedAt;
        runs.forEach(r -> build.runs.put(r.key(), r));
        return build;
    }

    /** The version is known: the build runs. */
    public void start(VersionInfo allocated, Instant now) {
        requireState(BuildState.REQUESTED, "start");
        version = allocated;
        state = BuildState.RUNNING;
        startedAt = now;
        events.add(startedEvent(now));
    }

    /**
     * The build could not even start: no version could be allocated. Every run ends blocked by that (a run
     * left pending would claim work that nothing will do); a resume reopens them and asks for a version again.
     */
    public void failBeforeStart(String why, Instant now) {
        requireState(BuildState.REQUESTED, "fail");
        for (StepRun run : runs.values()) {
            if (run.state() == RunState.PENDING) {
                run.block("no version: " + why);
                events.add(new StepBlocked(id, run.step(), run.key(), request.tag(), null, run.arch(), run.vendor(),
                        run.attempt(), "no version: " + why, now));
            }
        }
        state = BuildState.FAILED;
        reason = why;
        finishedAt = now;
        events.add(new BuildFailed(id, pipeline.name(), request.tag(), null, List.of(), why, now));
    }

    /** Cancels the build: active and pending runs end as cancelled; returns the attempts to stop. */
    public List<StepRun> cancel(String by, String why, Instant now) {
        if (state.isTerminal()) {
            throw new BuildTransitionException("build-finished", "build " + id + " is already " + state.apiName());
        }
        List<StepRun> stopped = new ArrayList<>();
        for (StepRun run : runs.values()) {
            if (run.state().isActive()) {
                stopped.add(run);
            }
            if (run.state().isActive() || run.state() == RunState.PENDING) {
                run.cancel(now, "build cancelled");
                events.add(new StepCancelled(id, run.step(), run.key(), tag(), versionString(), run.arch(), run.vendor(),
                        run.attempt(), "build cancelled" + (why == null || why.isBlank() ? "" : ": " + why), now));
            }
        }
        state = BuildState.CANCELLED;
        reason = why;
        finishedAt = now;
        events.add(new BuildCancelled(id, pipeline.name(), tag(), versionString(), why, by, now));
        return stopped;
    }

    /**
     * Continues a failed build: failed and blocked runs get a new round; passed runs keep their outputs. A build
     * that failed for want of a version goes back to requested, so that the version is asked for again.
     */
    public List<StepRun> resume(Instant now) {
        if (state != BuildState.FAILED) {
            throw new BuildTransitionException("build-not-resumable",
                    "only a failed build can be resumed; build " + id + " is " + state.apiName());
        }
        List<StepRun> reopened = runs.values().stream()
                .filter(r -> r.state() == RunState.FAILED || r.state() == RunState.BLOCKED).toList();
        reopened.forEach(StepRun::reopen);
        reason = null;
        finishedAt = null;
        if (version == null) {
            state = BuildState.REQUESTED;
            return reopened;
        }
        state = BuildState.RUNNING;
        events.add(startedEvent(now));
        return reopened;
    }

    void succeed(Instant now) {
        state = BuildState.SUCCEEDED;
        finishedAt = now;
        List<String> outputs = runs.values().stream().flatMap(r -> r.outputs().stream()).distinct().toList();
        events.add(new BuildSucceeded(id, pipeline.name(), tag(), versionString(), version.sdkVersion(),
                request.arches(), request.vendors(), outputs, now, version.branch(), version.commit(), pipelineDigest,
                request.params()));
    }

    void fail(List<String> failedRuns, String why, Instant now) {
        state = BuildState.FAILED;
        reason = why;
        finishedAt = now;
        events.add(new BuildFailed(id, pipeline.name(), tag(), versionString(), failedRuns, why, now));
    }

    void record(KilnEvent event) {
        events.add(event);
    }

    private BuildStarted startedEvent(Instant now) {
        return new BuildStarted(id, pipeline.name(), version.tag(), version.version(), version.sdkVersion(),
                request.arches(), request.vendors(), now);
    }

    private void requireState(BuildState expected, String what) {
        if (state != expected) {
            throw new BuildTransitionException("illegal-build-transition",
                    "cannot " + what + " build " + id + " in state " + state.apiName());
        }
    }

    /** The events recorded since the last call, oldest first. */
    public List<KilnEvent> drainEvents() {
        List<KilnEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    public Optional<StepRun> run(String key) {
        return Optional.ofNullable(runs.get(key));
    }

    public Collection<StepRun> runs() {
        return runs.values();
    }

    public String tag() {
        return version != null ? version.tag() : request.tag();
    }

    String versionString() {
        return version == null ? null : version.version();
    }

    public String id() {
        return id;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** The sha256 of the stored pipeline definition; null until the store recorded it. */
    public String pipelineDigest() {
        return pipelineDigest;
    }

    /** The store took the digest of the pipeline definition it keeps for this build (it identifies the definition). */
    public void recordPipelineDigest(String digest) {
        this.pipelineDigest = digest;
    }

    public BuildRequest request() {
        return request;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public VersionInfo version() {
        return version;
    }

    public BuildState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
