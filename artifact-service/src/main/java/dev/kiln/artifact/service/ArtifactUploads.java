package dev.kiln.artifact.service;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.ContentTypes;
import dev.kiln.artifact.domain.Digests;
import dev.kiln.artifact.domain.MultiDigest;
import dev.kiln.artifact.domain.ObjectStore;
import dev.kiln.artifact.domain.PendingWrite;
import dev.kiln.artifact.domain.PurgeGuard;
import dev.kiln.artifact.domain.StagedObject;
import dev.kiln.artifact.domain.UploadRequest;
import dev.kiln.artifact.domain.UploadResult;
import dev.kiln.artifact.domain.WriteJournal;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Streams an upload into the cache so that nothing is visible until the whole body arrived and matched its
 * expected digest: stage (multipart, invisible), verify, journal, publish, then index under a path lock. A
 * lease on the path, held from before the first byte until after indexing, keeps garbage collection away.
 * An upload of the bytes the path already holds is discarded unpublished (outcome {@code UNCHANGED}).
 */
@ApplicationScoped
public class ArtifactUploads {

    private static final Logger LOG = Logger.getLogger(ArtifactUploads.class);
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-fA-F]{64}$");

    private final ObjectStore store;
    private final WriteJournal journal;
    private final ArtifactPublisher publisher;
    private final PurgeGuard guard;
    private final Clock clock;
    /** Runs the digests of uploads' parts, one algorithm per task (see {@link MultiDigest#updateAsync}). */
    private final ExecutorService digesters = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().name("kiln-digest-", 0).daemon().factory());

    public ArtifactUploads(ObjectStore store, WriteJournal journal, ArtifactPublisher publisher, PurgeGuard guard,
            Clock clock) {
        this.store = store;
        this.journal = journal;
        this.publisher = publisher;
        this.guard = guard;
        this.clock = clock;
    }

    public UploadResult upload(UploadRequest request) {
        requireValidExpectedDigest(request.expectedSha256());
        String writeId = UUID.randomUUID().toString();
        String contentType = ContentTypes.resolve(request.contentType(), request.path());
        guard.admit(writeId, request.path(), clock.instant());
        try {
            return stageVerifyAndPublish(request, writeId, contentType);
        } finally {
            guard.release(writeId);
        }
    }

    private UploadResult stageVerifyAndPublish(UploadRequest request, String writeId, String contentType) {
        MultiDigest digest = new MultiDigest();
        try (StagedObject staged = stage(request, writeId, contentType, digest)) {
            Digests digests = digest.finish();
            verify(request, digests);
            if (publisher.alreadyStored(request.path(), digests, contentType)) {
                LOG.debugf("%s already holds these %d bytes; nothing written", request.path(), digests.size());
                return new UploadResult(request.path(), digests, UploadResult.Outcome.UNCHANGED);
            }
            PendingWrite pending = new PendingWrite(writeId, request.path(), digests, contentType, request.uploadedBy(),
                    clock.instant());
            journal.record(pending);
            staged.publish();
            return publisher.finish(pending);
        }
    }

    private StagedObject stage(UploadRequest request, String writeId, String contentType, MultiDigest digest) {
        try {
            return store.stage(request.path().value(), contentType, writeId, request.body(), request.declaredLength(),
                    (part, length) -> digest.updateAsync(part, length, digesters));
        } catch (IOException e) {
            LOG.infof("upload of %s interrupted after at least %d bytes: %s", request.path(), digest.size(),
                    e.getMessage());
            throw new ArtifactException(ArtifactException.Reason.UPLOAD_INTERRUPTED,
                    "the request body ended abnormally after at least " + digest.size()
                    + " bytes; nothing was stored", e);
        }
    }

    private static void verify(UploadRequest request, Digests digests) {
        if (request.declaredLength() >= 0 && digests.size() != request.declaredLength()) {
            throw new ArtifactException(ArtifactException.Reason.UPLOAD_INCOMPLETE, "received " + digests.size()
                    + " bytes but Content-Length was " + request.declaredLength() + "; nothing was stored");
        }
        if (request.expectedSha256() != null
                && !request.expectedSha256().toLowerCase(Locale.ROOT).equals(digests.sha256())) {
            throw new ArtifactException(ArtifactException.Reason.DIGEST_MISMATCH, "X-Kiln-SHA256 is "
                    + request.expectedSha256().toLowerCase(Locale.ROOT) + " but the body's sha256 is " + digests.sha256()
                    + "; nothing was stored");
        }
    }

    private static void requireValidExpectedDigest(String expected) {
        if (expected != null && !SHA256_HEX.matcher(expected).matches()) {
            throw new ArtifactException(ArtifactException.Reason.INVALID_REQUEST,
                    "X-Kiln-SHA256 must be 64 hexadecimal digits");
        }
    }

    @PreDestroy
    void stopDigesters() {
        digesters.shutdownNow();
    }
}
