package dev.kiln.artifact.jobs;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.gc.GcOverrides;
import dev.kiln.artifact.domain.gc.GcTrigger;
import dev.kiln.artifact.service.GarbageCollector;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Starts a garbage collection run on {@code kiln.artifact.gc.schedule}; skipped while another one runs. */
@ApplicationScoped
public class ScheduledCollection {

    private static final Logger LOG = Logger.getLogger(ScheduledCollection.class);

    private final GarbageCollector collector;

    public ScheduledCollection(GarbageCollector collector) {
        this.collector = collector;
    }

    @Scheduled(cron = "{kiln.artifact.gc.schedule}", timeZone = "UTC", identity = "gc-schedule",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            collector.start(GcOverrides.NONE, GcTrigger.SCHEDULED, "schedule");
        } catch (ArtifactException e) {
            LOG.infof("scheduled garbage collection not started: %s", e.getMessage());
        }
    }
}
