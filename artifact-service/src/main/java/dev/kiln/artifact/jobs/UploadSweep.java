package dev.kiln.artifact.jobs;

import dev.kiln.artifact.config.ArtifactConfig;
import dev.kiln.artifact.domain.ObjectStore;
import dev.kiln.artifact.domain.PendingWrite;
import dev.kiln.artifact.domain.PurgeGuard;
import dev.kiln.artifact.domain.WriteJournal;
import dev.kiln.artifact.service.ArtifactPublisher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Repairs what a crashed writer leaves behind: journaled writes that were published but never indexed are
 * indexed (or dropped once stale and invisible), multipart uploads never completed are aborted, and their
 * leases dropped.
 */
@ApplicationScoped
public class UploadSweep {

    private static final Logger LOG = Logger.getLogger(UploadSweep.class);
    private static final int BATCH = 100;

    private final WriteJournal journal;
    private final ArtifactPublisher publisher;
    private final ObjectStore store;
    private final PurgeGuard guard;
    private final ArtifactConfig.Upload config;
    private final Clock clock;

    public UploadSweep(WriteJournal journal, ArtifactPublisher publisher, ObjectStore store, PurgeGuard guard,
            ArtifactConfig config, Clock clock) {
        this.guard = guard;
        this.journal = journal;
        this.publisher = publisher;
        this.store = store;
        this.config = config.upload();
        this.clock = clock;
    }

    @Scheduled(every = "{kiln.artifact.upload.sweep-every}", delayed = "30s", identity = "upload-sweep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("upload sweep failed, will retry: %s", e.getMessage());
        }
    }

    /** One pass as of {@code now}; returns the number of journal entries settled plus uploads aborted. */
    public int sweep(Instant now) {
        Instant staleBefore = now.minus(config.staleAfter());
        int done = 0;
        List<PendingWrite> pending = journal.recordedBefore(now.minus(config.reconcileAfter()), BATCH);
        for (PendingWrite write : pending) {
            if (publisher.reconcile(write, staleBefore)) {
                done++;
            }
        }
        int aborted = store.abortStaleUploads(staleBefore);
        int leases = guard.dropLeasesBefore(staleBefore);
        if (done + aborted + leases > 0) {
            LOG.infof("upload sweep: %d journaled writes settled, %d stale uploads aborted, %d stale leases dropped",
                    done, aborted, leases);
        }
        return done + aborted;
    }
}
