package dev.kiln.artifact.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port to the metadata index in PostgreSQL. Mutations join the caller's transaction. */
public interface ArtifactIndex {

    /** Serialises writers of these paths until the current transaction ends. */
    void lock(List<CachePath> paths);

    void upsert(StoredArtifact artifact);

    Optional<StoredArtifact> find(CachePath path);

    /** One page (from 0) of the entries matching {@code query}, ordered by path. */
    List<StoredArtifact> query(ArtifactQuery query, int page, int size);

    long count(ArtifactQuery query);

    /** Every entry under the directory {@code prefix}, ordered by path. */
    List<StoredArtifact> under(String prefix);

    /** Whether any entry lies under the directory {@code prefix}. */
    boolean anyUnder(String prefix);

    /** Removes the entries of these paths; returns the ones that existed. */
    List<StoredArtifact> removeAll(Collection<String> paths);

    /** Removes every entry under the directory {@code prefix}; returns them. */
    List<StoredArtifact> removeUnder(String prefix);

    /** For each sub-directory of {@code prefix} holding indexed files: the newest creation time below it. */
    Map<String, Instant> newestBelowChildren(String prefix);
}
