package dev.kiln.version.jobs;

import dev.kiln.version.config.VersionConfig;
import dev.kiln.version.domain.Allocations;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Settles pending allocations no retry came back for (a caller without Idempotency-Key, or one that gave
 * up): tagged if the tag reached the remote, released otherwise, so that no version stays in limbo.
 */
@ApplicationScoped
public class AbandonedAllocationSweeper {

    private static final Logger LOG = Logger.getLogger(AbandonedAllocationSweeper.class);

    private final Allocations allocations;
    private final VersionConfig config;

    public AbandonedAllocationSweeper(Allocations allocations, VersionConfig config) {
        this.allocations = allocations;
        this.config = config;
    }

    @Scheduled(every = "${kiln.version.settle-every}", delayed = "${kiln.version.settle-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settle() {
        try {
            int settled = allocations.settleAbandoned(config.abandonedAfter());
            if (settled > 0) {
                LOG.infof("settled %d abandoned allocation(s)", settled);
            }
        } catch (RuntimeException e) {
            LOG.warnf("settling abandoned allocations failed, retried at the next run: %s", e.getMessage());
        }
    }
}
