package dev.kiln.release.jobs;

import dev.kiln.release.service.PromotionEngine;
import dev.kiln.release.service.PromotionQueries;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Passes over every open release request (and cancelled ones whose build still has to be stopped) on a timer: a
 * missed event, a call that failed, a restart in the middle of a request, or a gate that changed without an event
 * still moves requests. Passes decide from stored state only, so running one again is always safe.
 */
@ApplicationScoped
public class PromotionSweeper {

    private static final Logger LOG = Logger.getLogger(PromotionSweeper.class);

    private final PromotionEngine engine;
    private final PromotionQueries queries;

    public PromotionSweeper(PromotionEngine engine, PromotionQueries queries) {
        this.engine = engine;
        this.queries = queries;
    }

    @Scheduled(every = "${kiln.release.promotion-sweep-every}", delayed = "${kiln.release.promotion-sweep-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        sweep();
    }

    /** One pass over each request that may move; returns how many it passed over. */
    public int sweep() {
        int passed = 0;
        for (String id : queries.needingPasses()) {
            try {
                engine.advance(id);
                passed++;
            } catch (RuntimeException e) {
                // one request that cannot be passed over must not keep the others waiting
                LOG.errorf(e, "promotion sweep: release request %s failed", id);
            }
        }
        return passed;
    }
}
