package dev.kiln.artifact.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps uploads and garbage collection apart (ADR 0024): an upload holds a lease on its path from before its
 * first byte until after it is indexed; a purge starts on a set of prefixes only when no lease, journaled
 * write or index row newer than the run's watermark lies below them, and while it runs uploads below them are
 * refused. Both sides decide under one PostgreSQL advisory lock, so one of them always sees the other.
 */
public interface PurgeGuard {

    /**
     * Records a lease for an upload of {@code path}, in a transaction of its own.
     *
     * @throws ArtifactException {@code CONFLICT} ({@code version-being-purged}) while a purge covers the path
     */
    void admit(String writeId, CachePath path, Instant now);

    /** Drops the upload's lease, in a transaction of its own. */
    void release(String writeId);

    /** In the caller's transaction, until it ends: makes {@link #watermark()} wait for this index write. */
    void holdWhileIndexing();

    /** The id of a live run purging a prefix of {@code path}, in the caller's transaction. */
    Optional<String> purging(CachePath path);

    /** A number no committed index write exceeds and every later one will. */
    long watermark();

    /**
     * Starts purging {@code prefixes} for item {@code seq} of run {@code runId}, in a transaction of its own,
     * unless something was written below them since {@code watermark} or is being written now.
     *
     * @return empty when the purge may go ahead, otherwise why it must not
     */
    Optional<String> beginPurge(String runId, int seq, List<String> prefixes, long watermark, Instant now);

    /** Lets uploads below the item's prefixes in again. */
    void endPurge(String runId, int seq);

    /** Drops every prefix the run still holds (a run that stopped early). */
    void endRun(String runId);

    /** Drops leases of uploads that started before {@code cutoff} (their process died); returns how many. */
    int dropLeasesBefore(Instant cutoff);
}
