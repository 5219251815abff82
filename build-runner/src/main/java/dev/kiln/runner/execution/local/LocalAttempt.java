package dev.kiln.runner.execution.local;

import dev.kiln.runner.domain.port.Observation;
import dev.kiln.runner.domain.port.RunHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/** One attempt on this machine: its directory, its process once started, and how it ended. */
final class LocalAttempt {

    enum Phase { PREPARING, RUNNING, EXITED, TIMED_OUT, STOPPED, FAILED_TO_START }

    final RunHandle handle;
    final Path dir;
    final Path log;
    final Duration timeout;
    private Phase phase = Phase.PREPARING;
    private Process process;
    private int exitCode;
    private String failure;
    private ScheduledFuture<?> deadline;

    LocalAttempt(RunHandle handle, Path dir, Duration timeout) {
        this.handle = handle;
        this.dir = dir;
        this.log = dir.resolve("step.log");
        this.timeout = timeout;
    }

    synchronized boolean started(Process started, ScheduledFuture<?> timer) {
        if (phase != Phase.PREPARING) {
            return false;
        }
        process = started;
        deadline = timer;
        phase = Phase.RUNNING;
        return true;
    }

    synchronized void exited(int code) {
        if (phase == Phase.RUNNING) {
            phase = Phase.EXITED;
        }
        exitCode = code;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    synchronized Process timedOut() {
        if (phase != Phase.RUNNING) {
            return null;
        }
        phase = Phase.TIMED_OUT;
        return process;
    }

    /** Marks the attempt stopped; returns its process if one runs. */
    synchronized Process stop() {
        Process running = phase == Phase.RUNNING ? process : null;
        if (phase == Phase.PREPARING || phase == Phase.RUNNING) {
            phase = Phase.STOPPED;
        }
        if (deadline != null) {
            deadline.cancel(false);
        }
        return running;
    }

    synchronized void failedToStart(String why) {
        if (phase == Phase.PREPARING) {
            phase = Phase.FAILED_TO_START;
            failure = why;
        }
    }

    synchronized boolean isLive() {
        return phase == Phase.PREPARING || phase == Phase.RUNNING
                || (process != null && process.isAlive());
    }

    synchronized Observation observation() {
        return switch (phase) {
            case PREPARING -> new Observation.Waiting("checking out the scripts repository", null);
            case RUNNING -> new Observation.Running();
            case EXITED -> exitCode == 0 ? new Observation.Succeeded()
                    : new Observation.Failed("exit-code", describeExit(exitCode));
            case TIMED_OUT -> new Observation.Failed("deadline-exceeded", "ran longer than its timeout of "
                    + timeout.toSeconds() + "s; its process tree was killed");
            case STOPPED -> new Observation.Failed("stopped", "stopped by the runner");
            case FAILED_TO_START -> new Observation.Failed("start-failed", failure);
        };
    }

    private static String describeExit(int code) {
        return code > 128 && code < 160 ? "exited with " + code + " (killed by signal " + (code - 128) + ")"
                : "exited with " + code;
    }
}
