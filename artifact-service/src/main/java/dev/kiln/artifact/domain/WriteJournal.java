package dev.kiln.artifact.domain;

import java.time.Instant;
import java.util.List;

/** The port to the journal of writes between verification and indexing. */
public interface WriteJournal {

    /** Records {@code write} in a transaction of its own, committed on return. */
    void record(PendingWrite write);

    /** Removes the entry in the caller's transaction; false when it was already gone. */
    boolean claim(String writeId);

    /** Removes the entry in a transaction of its own. */
    void forget(String writeId);

    /** Entries recorded before {@code cutoff}, oldest first. */
    List<PendingWrite> recordedBefore(Instant cutoff, int limit);
}
