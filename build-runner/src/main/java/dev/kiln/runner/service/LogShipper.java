package dev.kiln.runner.service;

import dev.kiln.runner.domain.port.ArtifactCache;
import dev.kiln.runner.domain.port.AttemptLog;
import dev.kiln.runner.domain.port.PortException;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepExecutor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Streams finished attempts' logs from the executor into the cache at {@code build-logs/<V+>/...}, off the
 * reconcile threads, with bounded retries; then lets the executor release the attempt. When every try
 * failed, a note saying so is stored in the log's place. An attempt that must also be stopped (cancel,
 * unschedulable) is stopped after its log was taken.
 */
final class LogShipper {

    private static final Logger LOG = Logger.getLogger(LogShipper.class);

    private final StepExecutor executor;
    private final ArtifactCache cache;
    private final int attempts;
    /** Logs wait this long so that storing them does not compete with launching the next steps. */
    private static final long DELAY_MILLIS = 250;
    private static final long FIRST_RETRY_MILLIS = 500;

    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "kiln-runner-logs");
        thread.setDaemon(true);
        return thread;
    });

    LogShipper(StepExecutor executor, ArtifactCache cache, int attempts) {
        this.executor = executor;
        this.cache = cache;
        this.attempts = attempts;
    }

    void ship(RunHandle handle, String path, boolean stopAfterwards) {
        threads.schedule(() -> attempt(handle, path, stopAfterwards, 1, FIRST_RETRY_MILLIS),
                stopAfterwards ? 0 : DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * One try at storing the attempt's log, or, when the executor has none and will have none, a short note
     * saying why: the run's log link never points at nothing. A failed try is rescheduled rather than slept
     * on, so that one slow log never holds up the others queued behind it.
     */
    private void attempt(RunHandle handle, String path, boolean stopAfterwards, int attempt, long backoff) {
        boolean stored = false;
        boolean retry = false;
        String failure = null;
        try (InputStream in = open(handle)) {
            cache.upload(path, in);
            stored = true;
        } catch (PortException | IOException e) {
            LOG.warnf("%s: storing the log at %s failed (attempt %d of %d): %s", handle, path, attempt, attempts,
                    e.getMessage());
            retry = attempt < attempts && !(e instanceof PortException port && port.permanent());
            failure = e.getMessage();
        }
        if (retry) {
            if (retryLater(() -> attempt(handle, path, stopAfterwards, attempt + 1, backoff * 2), backoff)) {
                return;
            }
        } else if (!stored) {
            stored = storeNote(handle, path, "the log could not be stored after " + attempt + " tries; the last"
                    + " failed with: " + failure);
        }
        if (stopAfterwards) {
            executor.stop(handle);
        }
        if (stored) {
            executor.forget(handle);
        }
    }

    private boolean storeNote(RunHandle handle, String path, String reason) {
        try {
            cache.upload(path, new ByteArrayInputStream(missingNote(handle, reason).getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (PortException e) {
            LOG.errorf("%s: the log is lost, and storing a note at %s saying so failed too: %s", handle, path,
                    e.getMessage());
            return false;
        }
    }

    private boolean retryLater(Runnable next, long backoff) {
        try {
            threads.schedule(next, backoff, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            return false;
        }
    }

    private InputStream open(RunHandle handle) {
        return switch (executor.openLog(handle)) {
            case AttemptLog.Available log -> log.stream();
            case AttemptLog.Missing missing -> {
                LOG.infof("%s: no log to store, storing why instead: %s", handle, missing.reason());
                yield new ByteArrayInputStream(missingNote(handle, missing.reason()).getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    static String missingNote(RunHandle handle, String reason) {
        return "kiln: no log was captured for attempt " + handle.attempt() + " of step run " + handle.runKey()
                + " (build " + handle.buildId() + "): " + reason + "\n";
    }

    void shutdown() {
        threads.shutdown();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
