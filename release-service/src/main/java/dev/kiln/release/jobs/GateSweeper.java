package dev.kiln.release.jobs;

import dev.kiln.flatcar.Version;
import dev.kiln.release.service.GateKeeper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Evaluates every candidate and ready release again on a timer. Reports and approvals settle the gates when they
 * arrive, but a soak runs out with no event, and a new policy applies to releases already waiting; evaluation is a
 * pure function of the stored evidence and the clock, so running it again is always safe.
 */
@ApplicationScoped
public class GateSweeper {

    static final String ACTOR = "gate-sweeper";
    private static final Logger LOG = Logger.getLogger(GateSweeper.class);

    private final GateKeeper gates;

    public GateSweeper(GateKeeper gates) {
        this.gates = gates;
    }

    @Scheduled(every = "${kiln.release.gate-sweep-every}", delayed = "${kiln.release.gate-sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        sweep();
    }

    /** Settles every open release; returns how many moved. */
    public int sweep() {
        int moved = 0;
        for (Version version : gates.open()) {
            try {
                moved += gates.settle(version, ACTOR) ? 1 : 0;
            } catch (RuntimeException e) {
                // one release that cannot be settled must not keep the others waiting
                LOG.errorf(e, "gate sweep: settling %s failed", version);
            }
        }
        if (moved > 0) {
            LOG.infof("gate sweep moved %d release(s)", moved);
        }
        return moved;
    }
}
