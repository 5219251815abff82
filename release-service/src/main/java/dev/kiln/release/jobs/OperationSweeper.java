package dev.kiln.release.jobs;

import dev.kiln.release.config.ReleaseConfig;
import dev.kiln.release.service.OperationQueued;
import dev.kiln.release.service.OperationRunner;
import dev.kiln.release.service.PendingOperations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Completes channel operations that did not finish where they started: after a crash or restart, while
 * artifact-service was down, or queued by the gate keeper (autoPublish, autoRollback), which runs them as soon as
 * its transaction commits. A pending operation is taken only after {@code quiet} without an attempt, so that the
 * sweep does not race the request that is running it right now; a second run would be harmless anyway.
 */
@ApplicationScoped
public class OperationSweeper {

    private static final Logger LOG = Logger.getLogger(OperationSweeper.class);

    private final PendingOperations pending;
    private final OperationRunner runner;
    private final Duration quiet;
    private final ExecutorService queuedRuns = Executors.newVirtualThreadPerTaskExecutor();

    public OperationSweeper(PendingOperations pending, OperationRunner runner,
            ReleaseConfig config) {
        this.pending = pending;
        this.runner = runner;
        this.quiet = config.operationQuiet();
    }

    @Scheduled(every = "${kiln.release.operation-sweep-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        sweep(quiet);
    }

    /** Runs every unfinished operation quiet for {@code quietFor}; returns how many were taken. */
    public int sweep(Duration quietFor) {
        int taken = 0;
        for (long id : pending.unfinished(quietFor)) {
            taken++;
            try {
                runner.run(id);
            } catch (RuntimeException e) {
                // one operation that cannot finish now must not keep the others waiting
                LOG.warnf("operation sweep: operation %d not finished: %s", id, e.getMessage());
            }
        }
        return taken;
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OperationQueued queued) {
        queuedRuns.submit(() -> {
            try {
                runner.run(queued.id());
            } catch (RuntimeException e) {
                LOG.warnf("operation %d queued by the gate keeper not finished (the sweeper retries): %s", queued.id(), e.getMessage());
            }
        });
    }

    void onStop(@Observes ShutdownEvent stop) {
        queuedRuns.shutdown();
    }
}
