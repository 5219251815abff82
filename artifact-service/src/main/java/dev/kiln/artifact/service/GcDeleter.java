package dev.kiln.artifact.service;

import dev.kiln.artifact.domain.ArtifactEvents;
import dev.kiln.artifact.domain.ArtifactIndex;
import dev.kiln.artifact.domain.CacheLayout;
import dev.kiln.artifact.domain.ObjectStore;
import dev.kiln.artifact.domain.StoredArtifact;
import dev.kiln.artifact.domain.gc.VersionCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Deletes everything under a prefix, a page of keys at a time: first the index rows and one
 * {@code artifact.deleted} event per object in one transaction, then the objects. A crash in between leaves
 * objects that the next run lists and deletes again; it never leaves index rows for deleted objects.
 */
@ApplicationScoped
public class GcDeleter {

    private final ObjectStore store;
    private final ArtifactIndex index;
    private final ArtifactEvents events;
    private final VersionCatalog catalog;
    private final Clock clock;

    public GcDeleter(ObjectStore store, ArtifactIndex index, ArtifactEvents events, VersionCatalog catalog,
            Clock clock) {
        this.store = store;
        this.index = index;
        this.events = events;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Deletes every object under {@code prefix}; returns how many. */
    public long deleteUnder(String prefix, String reason, Runnable heartbeat) {
        AtomicLong deleted = new AtomicLong();
        store.forEachKeyPage(prefix, keys -> {
            forget(keys, reason); // ArC intercepts self-invocation: this runs in its own transaction
            store.delete(keys);
            deleted.addAndGet(keys.size());
            heartbeat.run();
        });
        forgetRemainingUnder(prefix, reason);
        return deleted.get();
    }

    /** Removes the index rows of {@code keys} and announces each key's deletion. */
    @Transactional
    public void forget(List<String> keys, String reason) {
        index.removeAll(keys);
        Instant now = clock.instant();
        keys.forEach(key -> events.deleted(key, CacheLayout.locateKey(key), reason, now));
    }

    /** Index rows under {@code prefix} whose objects are already gone. */
    @Transactional
    public void forgetRemainingUnder(String prefix, String reason) {
        List<StoredArtifact> stale = index.removeUnder(prefix);
        Instant now = clock.instant();
        Set<String> paths = stale.stream().map(a -> a.path().value()).collect(Collectors.toSet());
        paths.forEach(path -> events.deleted(path, CacheLayout.locateKey(path), reason, now));
    }

    @Transactional
    public void forgetTag(String tag) {
        catalog.remove(tag);
    }
}
