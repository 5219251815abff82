package dev.kiln.artifact.domain.gc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to the record of collection runs. Each method commits on its own. */
public interface GcRuns {

    /**
     * Records a new running run. Runs without progress since {@code abandonedBefore} are first marked failed.
     *
     * @throws dev.kiln.artifact.domain.ArtifactException {@code CONFLICT} while another run is in progress
     */
    String start(GcTrigger trigger, String requestedBy, GcSettings settings, Instant now, Instant abandonedBefore);

    /** Stores the plan the run executes: one item per decision. */
    void recordPlan(String runId, GcPlan plan, Instant now);

    void progress(String runId, int seq, GcItemStatus status, long deletedObjects, String error, Instant now);

    /** Shows the run is alive while one long item is in progress. */
    void heartbeat(String runId, Instant now);

    void finish(String runId, GcRunStatus status, String error, Instant now);

    /** The run with its items. */
    Optional<GcRunView> find(String id);

    /** Runs newest first, without items. */
    List<GcRunView> page(int page, int size);

    long countRuns();
}
