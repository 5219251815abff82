package dev.kiln.artifact.service;

import dev.kiln.artifact.domain.ArtifactEvents;
import dev.kiln.artifact.domain.ArtifactIndex;
import dev.kiln.artifact.domain.CacheLayout;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.Digests;
import dev.kiln.artifact.domain.DigestsFile;
import dev.kiln.artifact.domain.MultiDigest;
import dev.kiln.artifact.domain.ObjectInfo;
import dev.kiln.artifact.domain.ObjectStore;
import dev.kiln.artifact.domain.PendingWrite;
import dev.kiln.artifact.domain.PurgeGuard;
import dev.kiln.artifact.domain.StoredArtifact;
import dev.kiln.artifact.domain.UploadResult;
import dev.kiln.artifact.domain.WriteJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Indexes a published write under a lock on its path. Whoever published last finds its own write id on the
 * object and indexes it; an earlier writer finds another id and leaves the index to that writer, so the
 * index always describes the bytes that are visible. Also writes the Flatcar DIGESTS file beside it.
 */
@ApplicationScoped
public class ArtifactPublisher {

    private static final Logger LOG = Logger.getLogger(ArtifactPublisher.class);

    private final ObjectStore store;
    private final ArtifactIndex index;
    private final WriteJournal journal;
    private final ArtifactEvents events;
    private final PurgeGuard guard;
    private final Clock clock;

    public ArtifactPublisher(ObjectStore store, ArtifactIndex index, WriteJournal journal, ArtifactEvents events,
            PurgeGuard guard, Clock clock) {
        this.guard = guard;
        this.store = store;
        this.index = index;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /** Indexes the write of a live request right after it was published. */
    @Transactional
    public UploadResult finish(PendingWrite pending) {
        guard.holdWhileIndexing();
        index.lock(lockedPaths(pending.path()));
        if (!journal.claim(pending.writeId())) {
            return new UploadResult(pending.path(), pending.digests(), UploadResult.Outcome.STORED);
        }
        if (!isVisible(pending)) {
            LOG.infof("write %s of %s was superseded by a later writer", pending.writeId(), pending.path());
            return new UploadResult(pending.path(), pending.digests(), UploadResult.Outcome.SUPERSEDED);
        }
        indexAndAnnounce(pending);
        return new UploadResult(pending.path(), pending.digests(), UploadResult.Outcome.STORED);
    }

    /**
     * Whether the path already shows exactly these bytes: indexed with the same digests and content type, and the
     * visible object is the indexed one. Such an upload is dropped before it is published, so a repeated PUT (a
     * client's retry, a restarted runner shipping a finished step's log again) writes and announces nothing.
     */
    public boolean alreadyStored(CachePath path, Digests digests, String contentType) {
        Optional<StoredArtifact> indexed = index.find(path);
        if (indexed.isEmpty() || !indexed.get().digests().equals(digests)
                || !indexed.get().contentType().equals(contentType)) {
            return false;
        }
        Optional<ObjectInfo> visible = store.stat(path.value());
        return visible.isPresent() && visible.get().etag().equals(indexed.get().etag());
    }

    /**
     * Finishes a journaled write whose request died between publishing and indexing. An entry whose bytes are
     * not visible is dropped once it is older than {@code staleBefore}; one below a purge in progress waits for
     * the next sweep. Returns whether the entry is done.
     */
    @Transactional
    public boolean reconcile(PendingWrite pending, Instant staleBefore) {
        guard.holdWhileIndexing();
        if (guard.purging(pending.path()).isPresent()) {
            return false;
        }
        index.lock(lockedPaths(pending.path()));
        if (!isVisible(pending)) {
            return pending.createdAt().isBefore(staleBefore) && journal.claim(pending.writeId());
        }
        if (!journal.claim(pending.writeId())) {
            return true;
        }
        LOG.infof("reconciling write %s of %s that was published but not indexed", pending.writeId(), pending.path());
        indexAndAnnounce(pending);
        return true;
    }

    private boolean isVisible(PendingWrite pending) {
        Optional<ObjectInfo> info = store.stat(pending.path().value());
        return info.isPresent() && pending.writeId().equals(info.get().writeId());
    }

    private void indexAndAnnounce(PendingWrite pending) {
        ObjectInfo info = store.stat(pending.path().value()).orElseThrow();
        StoredArtifact artifact = new StoredArtifact(pending.path(), CacheLayout.locate(pending.path()),
                pending.digests(), pending.contentType(), info.etag(), clock.instant(), pending.uploadedBy(), false);
        index.upsert(artifact);
        events.stored(artifact);
        if (DigestsFile.appliesTo(pending.path())) {
            writeDigestsFile(artifact);
        }
    }

    /** Like Flatcar's create_digests, a DIGESTS file someone uploaded is never replaced; Kiln's own is. */
    private void writeDigestsFile(StoredArtifact artifact) {
        CachePath path = DigestsFile.pathFor(artifact.path());
        Optional<ObjectInfo> existing = store.stat(path.value());
        if (existing.isPresent() && !existing.get().generated()) {
            LOG.debugf("keeping the uploaded %s", path);
            return;
        }
        byte[] content = DigestsFile.render(artifact.path().name(), artifact.digests());
        String etag = store.put(path.value(), DigestsFile.CONTENT_TYPE, UUID.randomUUID().toString(), true, content);
        StoredArtifact digests = new StoredArtifact(path, CacheLayout.locate(path), MultiDigest.of(content),
                DigestsFile.CONTENT_TYPE, etag, artifact.createdAt(), artifact.uploadedBy(), true);
        index.upsert(digests);
        events.stored(digests);
    }

    private static List<CachePath> lockedPaths(CachePath path) {
        List<CachePath> paths = new ArrayList<>(2);
        paths.add(path);
        if (DigestsFile.appliesTo(path)) {
            paths.add(DigestsFile.pathFor(path));
        }
        return paths;
    }
}
