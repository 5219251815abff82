package dev.kiln.artifact.domain.gc;

import java.time.Instant;
import java.util.List;

/**
 * The port to this service's replica of what version-service and release-service announced: known tags with
 * their creation times, and published releases. Mutations join the caller's transaction.
 */
public interface VersionCatalog {

    List<KnownVersion> versions();

    /** Whether the replica was ever filled from version-service's list (events alone may have missed tags). */
    boolean synced();

    /** Replaces all known versions with {@code versions}, the full list version-service returned. */
    void replaceAll(List<KnownVersion> versions, Instant syncedAt);

    void add(KnownVersion version);

    void remove(String tag);

    List<PublishedRelease> releases();

    void addRelease(PublishedRelease release);
}
