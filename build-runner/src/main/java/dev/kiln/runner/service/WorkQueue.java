package dev.kiln.runner.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Build ids waiting for a reconcile pass. An id is queued at most once and handed to one worker at a time;
 * one added while a worker has it is queued again when that worker is done, so no change is lost and no
 * build is reconciled twice at once. Delayed adds keep only the earliest wake-up per id.
 */
final class WorkQueue {

    private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();
    private final Set<String> queued = new HashSet<>();
    private final Set<String> processing = new HashSet<>();
    private final Set<String> dirty = new HashSet<>();
    private final Map<String, Instant> wakeUps = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kiln-runner-wakeups");
        thread.setDaemon(true);
        return thread;
    });

    synchronized void add(String id) {
        if (processing.contains(id)) {
            dirty.add(id);
        } else if (queued.add(id)) {
            ready.add(id);
        }
    }

    /** Adds {@code id} after {@code delay}, unless an earlier wake-up for it is already planned. */
    void addAfter(String id, Duration delay, Instant now) {
        if (delay.isNegative() || delay.isZero()) {
            add(id);
            return;
        }
        Instant at = now.plus(delay);
        Instant planned = wakeUps.merge(id, at, (old, neu) -> neu.isBefore(old) ? neu : old);
        if (planned.equals(at)) {
            timer.schedule(() -> {
                wakeUps.remove(id, at);
                add(id);
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Blocks until an id is ready and marks it as being processed. */
    String take() throws InterruptedException {
        String id = ready.take();
        synchronized (this) {
            queued.remove(id);
            processing.add(id);
        }
        return id;
    }

    synchronized void done(String id) {
        processing.remove(id);
        if (dirty.remove(id)) {
            add(id);
        }
    }

    synchronized int size() {
        return ready.size();
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
