package dev.kiln.version.domain;

import dev.kiln.flatcar.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the allocation records; each method is its own committed transaction. */
public interface AllocationStore {

    Optional<Allocation> findByKey(String idempotencyKey);

    Optional<Allocation> findByTag(String tag);

    /** The allocation holding a version (+ form), whatever its tag. */
    Optional<Allocation> findByVersion(String version);

    /** Tags of allocations still pending. */
    List<String> pendingTags();

    List<Allocation> pendingCreatedBefore(Instant cutoff);

    /**
     * Stores a pending allocation and commits, so that its version is taken before git is touched.
     *
     * @throws VersionTakenException when the tag, version or key is already stored
     */
    Allocation reserve(NewAllocation allocation);

    /** Marks an allocation tagged and, in the same transaction, emits dev.kiln.version.tagged.v1. */
    Allocation markTagged(long id, String commit, Instant at);

    /** Forgets a pending allocation whose tag was never pushed, freeing its version and key. */
    void release(long id);

    /** Marks a tagged allocation deleted and, in the same transaction, emits dev.kiln.version.deleted.v1. */
    Allocation markDeleted(long id, String reason, Instant at);

    /** Emits dev.kiln.version.deleted.v1 for a tag Kiln did not allocate. */
    void recordForeignDeletion(Tag tag, String reason, Instant at);

    Page<Allocation> list(AllocationFilter filter, int page, int size);
}
