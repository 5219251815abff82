package dev.kiln.runner.service;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.runner.config.RunnerConfig;
import dev.kiln.runner.domain.build.BuildReconciler;
import dev.kiln.runner.domain.build.RunState;
import dev.kiln.runner.domain.port.ArtifactCache;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepExecutor;
import dev.kiln.runner.domain.port.StepTokenIssuer;
import dev.kiln.runner.domain.port.VersionAllocator;
import dev.kiln.runner.persistence.BuildStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drives every unfinished build this replica owns: the lifecycle of the queue, its workers and the resync.
 * Executor events (a Job changed, a process exited), API commands and timers put build ids on a queue;
 * worker threads run {@link BuildPass}es, and {@link ReconcileActions} carries out what they decided. A
 * periodic resync reconciles every unfinished build, stops stray attempts and revokes the step tokens of ended
 * builds, so a missed event only delays a build, never strands it or leaves its token live.
 */
@ApplicationScoped
public class BuildEngine {

    private static final Logger LOG = Logger.getLogger(BuildEngine.class);
    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(5);

    private final BuildStore store;
    private final StepExecutor executor;
    private final RunnerConfig config;
    private final Clock clock;
    private final String owner;
    private final BuildPass pass;
    private final VersionAllocation versions;
    private final ReconcileActions actions;
    private final StrayCheck strays;
    private final BuildTokens tokens;
    private WorkQueue queue;
    private List<Thread> workers = List.of();
    private ScheduledExecutorService resyncTimer;
    private ScheduledFuture<?> resync;
    private boolean listening;

    public BuildEngine(BuildStore store, StepExecutor executor, ArtifactCache cache, VersionAllocator versionAllocator,
            StepTokenIssuer stepTokens, Outbox outbox, RunnerConfig config, Clock clock) {
        this.store = store;
        this.executor = executor;
        this.config = config;
        this.clock = clock;
        this.owner = RunnerIdentity.of(config.instanceId(), config.workDir());
        RunnerConfig.Engine engine = config.engine();
        BuildReconciler reconciler = new BuildReconciler(new BuildReconciler.Settings(engine.unschedulableLimit(),
                engine.pendingLimit(), engine.launchTimeout(), engine.maxActiveRuns(), executor.name()));
        this.pass = new BuildPass(store, executor, cache, outbox, clock, reconciler, owner, engine.leaseDuration());
        this.versions = new VersionAllocation(versionAllocator, store, outbox, clock, engine.versionAttempts());
        this.tokens = new BuildTokens(stepTokens, clock, config.stepTokenLifetime());
        this.actions = new ReconcileActions(executor, tokens, new LogShipper(executor, cache, engine.logUploadAttempts()),
                FAILURE_BACKOFF, this::wakeAfter);
        this.strays = new StrayCheck(executor, id -> store.find(id).filter(b -> !b.state().isTerminal()));
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        actions.shutdown();
        releaseLeases();
    }

    /** On a graceful stop another replica may take this one's builds over at once, not after their leases ran out. */
    private void releaseLeases() {
        try {
            int released = store.releaseLeasesOf(owner);
            LOG.infof("build engine %s stopped; released the leases of %d builds", owner, released);
        } catch (RuntimeException e) {
            LOG.warnf("build engine %s stopped without releasing its leases (%s); they expire on their own", owner,
                    e.getMessage());
        }
    }

    /** Starts the workers and the resync, and queues every unfinished build (what a restart resumes). */
    public synchronized void start() {
        if (queue != null) {
            return;
        }
        queue = new WorkQueue();
        if (!listening) {
            executor.onChange(this::wake);
            listening = true;
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < config.engine().workers(); i++) {
            Thread worker = new Thread(this::work, "kiln-runner-reconcile-" + i);
            worker.setDaemon(true);
            worker.start();
            threads.add(worker);
        }
        workers = threads;
        resyncTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kiln-runner-resync");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.engine().resyncInterval().toMillis();
        resync = resyncTimer.scheduleWithFixedDelay(this::resync, 0, every, TimeUnit.MILLISECONDS);
        resyncTimer.execute(this::shipLogsLeftBehind);
        LOG.infof("build engine %s started with %d workers and the %s executor", owner, threads.size(), executor.name());
    }

    /** Stops the workers; attempts keep running and are picked up again by {@link #start()}. */
    public synchronized void stop() {
        if (queue == null) {
            return;
        }
        resync.cancel(false);
        resyncTimer.shutdownNow();
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queue.shutdown();
        queue = null;
        workers = List.of();
    }

    /** Asks for a pass over {@code buildId} soon. */
    public void wake(String buildId) {
        WorkQueue q = queue;
        if (q != null) {
            q.add(buildId);
        }
    }

    /** Carries out what a command decided in a transaction that has now committed. */
    void afterCommand(@Observes(during = TransactionPhase.AFTER_SUCCESS) BuildCommanded command) {
        actions.carryOut(command.build(), command.result(), clock.instant());
        wake(command.build().id());
    }

    public String owner() {
        return owner;
    }

    private void work() {
        WorkQueue q = queue;
        while (!Thread.currentThread().isInterrupted()) {
            String id;
            try {
                id = q.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                process(id, q);
            } catch (RuntimeException e) {
                LOG.warnf(e, "build %s: reconcile pass failed; retrying in %ss", id, FAILURE_BACKOFF.toSeconds());
                q.addAfter(id, FAILURE_BACKOFF, clock.instant());
            } finally {
                q.done(id);
            }
        }
    }

    private void process(String id, WorkQueue q) {
        BuildPass.Outcome outcome = pass.run(id, decided -> actions.carryOut(decided.build(), decided.result(), decided.now()));
        if (outcome instanceof BuildPass.Outcome.NeedsVersion needs) {
            if (versions.allocate(needs.build(), LOG::info)) {
                q.add(id);
            } else {
                q.addAfter(id, config.engine().versionRetryDelay(), clock.instant());
            }
        } else if (outcome instanceof BuildPass.Outcome.Decided decided
                && !decided.result().unknownPaths().isEmpty()) {
            q.add(id);
        }
    }

    private void wakeAfter(String buildId, Duration delay, Instant now) {
        WorkQueue q = queue;
        if (q != null) {
            q.addAfter(buildId, delay, now);
        }
    }

    /** Ships the logs a previous run of this runner decided about but died before storing. */
    private void shipLogsLeftBehind() {
        try {
            for (RunHandle handle : executor.logsLeftBehind()) {
                store.find(handle.buildId()).flatMap(build -> build.run(handle.runKey()))
                        .filter(run -> run.attempt() == handle.attempt() && run.logPath() != null
                                && !run.state().isActive() && run.state() != RunState.PENDING)
                        .ifPresent(run -> {
                            LOG.infof("%s: storing the log left behind by the runner's previous run", handle);
                            actions.shipLog(handle, run.logPath());
                        });
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot ship the logs left behind before the restart: %s", e.getMessage());
        }
    }

    private void resync() {
        try {
            List<String> unfinished = store.unfinished();
            unfinished.forEach(this::wake);
            strays.stopAll();
        } catch (RuntimeException e) {
            LOG.warnf("resync failed: %s", e.getMessage());
        }
        revokeTokensOfEndedBuilds();
    }

    /** Level-triggered: a build that ended keeps no live step token, whatever happened to its revocation at the end. */
    private void revokeTokensOfEndedBuilds() {
        try {
            tokens.revokeEnded(id -> store.find(id).map(build -> build.state().isTerminal()));
        } catch (RuntimeException e) {
            LOG.warnf("cannot check for step tokens of ended builds now: %s", e.getMessage());
        }
    }
}
