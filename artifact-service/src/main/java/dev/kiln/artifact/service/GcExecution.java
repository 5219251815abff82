package dev.kiln.artifact.service;

import dev.kiln.artifact.domain.PurgeGuard;
import dev.kiln.artifact.domain.gc.GcDecision;
import dev.kiln.artifact.domain.gc.GcItemStatus;
import dev.kiln.artifact.domain.gc.GcPlan;
import dev.kiln.artifact.domain.gc.GcRule;
import dev.kiln.artifact.domain.gc.GcRunStatus;
import dev.kiln.artifact.domain.gc.GcRuns;
import dev.kiln.artifact.domain.gc.VersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Executes a run: takes the index watermark, records its plan, then purges decision by decision (objects, then
 * for a dev build its tag), recording each outcome. A purge starts only if nothing was stored below its
 * prefixes since the watermark and no upload is writing there; it is skipped otherwise, and uploads below it
 * are refused while it runs (ADR 0024). A failed purge does not stop the others; whatever is left is planned
 * again by the next run, which therefore resumes it (every step is idempotent, and a dev tag is deleted last).
 */
@ApplicationScoped
public class GcExecution {

    private static final Logger LOG = Logger.getLogger(GcExecution.class);

    private final GcRuns runs;
    private final GcDeleter deleter;
    private final VersionService versionService;
    private final PurgeGuard guard;
    private final Clock clock;

    public GcExecution(GcRuns runs, GcDeleter deleter, VersionService versionService, PurgeGuard guard,
            Clock clock) {
        this.runs = runs;
        this.deleter = deleter;
        this.versionService = versionService;
        this.guard = guard;
        this.clock = clock;
    }

    @ActivateRequestContext
    public void execute(String runId, Supplier<GcPlan> planner) {
        try {
            long watermark = guard.watermark();
            GcPlan plan = planner.get();
            runs.recordPlan(runId, plan, clock.instant());
            int failed = 0;
            for (int seq = 1; seq <= plan.decisions().size(); seq++) {
                GcDecision decision = plan.decisions().get(seq - 1);
                if (decision.purges() && purge(runId, seq, decision, watermark) == GcItemStatus.FAILED) {
                    failed++;
                }
            }
            runs.finish(runId, failed == 0 ? GcRunStatus.SUCCEEDED : GcRunStatus.FAILED,
                    failed == 0 ? null : failed + " purges failed; the next run resumes them", clock.instant());
            LOG.infof("garbage collection run %s finished, %d failed purges", runId, failed);
        } catch (RuntimeException e) {
            LOG.errorf(e, "garbage collection run %s failed", runId);
            runs.finish(runId, GcRunStatus.FAILED, e.getMessage(), clock.instant());
        } finally {
            guard.endRun(runId);
        }
    }

    private GcItemStatus purge(String runId, int seq, GcDecision decision, long watermark) {
        Optional<String> conflict = guard.beginPurge(runId, seq, decision.prefixes(), watermark, clock.instant());
        if (conflict.isPresent()) {
            LOG.infof("run %s: not purging %s: %s", runId, decision.subject(), conflict.get());
            runs.progress(runId, seq, GcItemStatus.SKIPPED, 0, conflict.get(), clock.instant());
            return GcItemStatus.SKIPPED;
        }
        try {
            return deleteAll(runId, seq, decision);
        } finally {
            guard.endPurge(runId, seq);
        }
    }

    private GcItemStatus deleteAll(String runId, int seq, GcDecision decision) {
        long deleted = 0;
        try {
            for (String prefix : decision.prefixes()) {
                deleted += deleter.deleteUnder(prefix, decision.rule().id(),
                        () -> runs.heartbeat(runId, clock.instant()));
            }
            if (decision.rule() == GcRule.DEV_BUILD) {
                versionService.deleteTag(decision.subject());
                deleter.forgetTag(decision.subject());
            }
            runs.progress(runId, seq, GcItemStatus.DONE, deleted, null, clock.instant());
            return GcItemStatus.DONE;
        } catch (RuntimeException e) {
            LOG.warnf("run %s: purging %s failed after %d objects: %s", runId, decision.subject(), deleted,
                    e.getMessage());
            runs.progress(runId, seq, GcItemStatus.FAILED, deleted, e.getMessage(), clock.instant());
            return GcItemStatus.FAILED;
        }
    }
}
