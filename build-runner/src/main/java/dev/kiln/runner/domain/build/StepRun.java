package dev.kiln.runner.domain.build;

import java.time.Instant;
import java.util.List;

/**
 * One node of a build's DAG (a step for one arch and vendor) and its current attempt. {@code attempt} counts
 * every attempt ever made (so that each has a unique executor name); {@code roundStart} is the attempt count
 * when the current round began (0, or the count at the last resume), so the retry budget restarts per round.
 */
public final class StepRun {

    private final String key;
    private final String step;
    private final String arch;
    private final String vendor;
    private final List<String> needs;
    private RunState state;
    private int attempt;
    private int roundStart;
    private Instant notBefore;
    private Instant launchedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private String reason;
    private List<String> outputs;
    private String logPath;

    private StepRun(String key, String step, String arch, String vendor, List<String> needs) {
        this.key = key;
        this.step = step;
        this.arch = arch;
        this.vendor = vendor;
        this.needs = List.copyOf(needs);
        this.state = RunState.PENDING;
        this.outputs = List.of();
    }

    static StepRun planned(String key, String step, String arch, String vendor, List<String> needs) {
        return new StepRun(key, step, arch, vendor, needs);
    }

    /** Rebuilds a run from storage. */
    public static StepRun restore(String key, String step, String arch, String vendor, List<String> needs,
            RunState state, int attempt, int roundStart, Instant notBefore, Instant launchedAt, Instant startedAt,
            Instant finishedAt, String reason, List<String> outputs, String logPath) {
        StepRun run = new StepRun(key, step, arch, vendor, needs);
        run.state = state;
        run.attempt = attempt;
        run.roundStart = roundStart;
        run.notBefore = notBefore;
        run.launchedAt = launchedAt;
        run.startedAt = startedAt;
        run.finishedAt = finishedAt;
        run.reason = reason;
        run.outputs = outputs == null ? List.of() : List.copyOf(outputs);
        run.logPath = logPath;
        return run;
    }

    void launch(Instant now, List<String> renderedOutputs, String log) {
        attempt++;
        state = RunState.STARTING;
        launchedAt = now;
        startedAt = null;
        finishedAt = null;
        notBefore = null;
        reason = null;
        outputs = List.copyOf(renderedOutputs);
        logPath = log;
    }

    void confirmStarted(Instant now, String note) {
        if (state == RunState.STARTING) {
            state = RunState.RUNNING;
            startedAt = now;
        }
        reason = note;
    }

    void succeed(Instant now) {
        succeed(now, null);
    }

    void succeed(Instant now, String note) {
        state = RunState.SUCCEEDED;
        finishedAt = now;
        reason = note;
    }

    void skip(Instant now, String why, List<String> renderedOutputs) {
        state = RunState.SKIPPED;
        finishedAt = now;
        reason = why;
        outputs = List.copyOf(renderedOutputs);
    }

    void retryLater(Instant retryAt, String why) {
        state = RunState.PENDING;
        notBefore = retryAt;
        finishedAt = null;
        reason = why;
    }

    void fail(Instant now, String why) {
        state = RunState.FAILED;
        finishedAt = now;
        reason = why;
    }

    void block(String why) {
        state = RunState.BLOCKED;
        reason = why;
    }

    void cancel(Instant now, String why) {
        state = RunState.CANCELLED;
        finishedAt = now;
        reason = why;
    }

    void reopen() {
        state = RunState.PENDING;
        roundStart = attempt;
        notBefore = null;
        finishedAt = null;
        reason = null;
    }

    /** Attempts used in the current round. */
    public int attemptsInRound() {
        return attempt - roundStart;
    }

    public String key() {
        return key;
    }

    public String step() {
        return step;
    }

    public String arch() {
        return arch;
    }

    public String vendor() {
        return vendor;
    }

    public List<String> needs() {
        return needs;
    }

    public RunState state() {
        return state;
    }

    public int attempt() {
        return attempt;
    }

    public int roundStart() {
        return roundStart;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant launchedAt() {
        return launchedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String reason() {
        return reason;
    }

    public List<String> outputs() {
        return outputs;
    }

    public String logPath() {
        return logPath;
    }
}
