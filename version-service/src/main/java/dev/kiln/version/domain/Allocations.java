package dev.kiln.version.domain;

import dev.kiln.flatcar.VersionRequest;
import dev.kiln.flatcar.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands out versions. Under the allocation lock: fetch, compute the next version, reserve it (a committed
 * pending row, so a retry never recomputes a clock-dependent tag), apply Flatcar's tag rule and push,
 * then mark the allocation tagged together with its event. A retry with the same Idempotency-Key finds
 * the stored answer, or resumes a pending allocation by re-applying the (idempotent) tag rule.
 */
public final class Allocations {

    private static final System.Logger LOG = System.getLogger(Allocations.class.getName());

    private final VersionPolicy policy;
    private final ScriptsRepository repository;
    private final AllocationStore store;
    private final AllocationLock lock;
    private final AllocationCheckpoints checkpoints;
    private final Clock clock;
    private final int pushAttempts;

    public Allocations(VersionPolicy policy, ScriptsRepository repository, AllocationStore store, AllocationLock lock,
            AllocationCheckpoints checkpoints, Clock clock, int pushAttempts) {
        this.policy = policy;
        this.repository = repository;
        this.store = store;
        this.lock = lock;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.pushAttempts = pushAttempts;
    }

    /** Allocates a version for {@code request}, or returns the first answer to an earlier request with the same key. */
    public AllocationResult allocate(VersionRequest request, String idempotencyKey, String caller) {
        request.checkFields();
        String hash = request.fingerprint();
        Optional<Allocation> answered = idempotencyKey == null ? Optional.empty()
                : earlier(idempotencyKey, hash).filter(a -> a.status() != AllocationStatus.PENDING);
        if (answered.isPresent()) {
            return new AllocationResult(answered.get(), true);
        }
        return lock.exclusively(() -> allocateExclusively(request, idempotencyKey, hash, caller));
    }

    /**
     * Settles pending allocations older than {@code grace} that no retry came back for: marked tagged if
     * their tag reached the remote, released otherwise. Returns how many were settled.
     */
    public int settleAbandoned(Duration grace) {
        Instant cutoff = clock.instant().minus(grace);
        if (store.pendingCreatedBefore(cutoff).isEmpty()) {
            return 0;
        }
        return lock.exclusively(() -> {
            repository.refresh();
            List<Allocation> abandoned = store.pendingCreatedBefore(cutoff);
            for (Allocation a : abandoned) {
                Optional<String> commit = repository.publishedCommit(a.plan());
                if (commit.isPresent()) {
                    store.markTagged(a.id(), commit.get(), clock.instant());
                } else {
                    store.release(a.id());
                }
                LOG.log(System.Logger.Level.INFO, "settled abandoned allocation {0}: {1}", a.tag(), commit.isPresent() ? "tagged" : "released");
            }
            return abandoned.size();
        });
    }

    /**
     * Deletes a dev tag locally and on the remote and records it. Returns the allocation, or empty for a
     * tag Kiln did not allocate. Deleting an already deleted tag changes nothing.
     */
    public Optional<Allocation> delete(String tagName, String reason) {
        Tag tag = Tag.parse(tagName);
        if (tag.version().official()) {
            throw new OfficialTagNotDeletableException(tag.name() + " is an official release tag; official tags are never deleted");
        }
        return lock.exclusively(() -> deleteExclusively(tag, reason));
    }

    public Optional<Allocation> find(String tagName) {
        return store.findByTag(Tag.parse(tagName).name());
    }

    public Page<Allocation> list(AllocationFilter filter, int page, int size) {
        return store.list(filter, page, size);
    }

    /** version.txt as committed at a tag. */
    public Optional<String> versionFile(String tagName) {
        return repository.versionFileAt(Tag.parse(tagName).name());
    }

    private Optional<Allocation> earlier(String key, String hash) {
        Optional<Allocation> earlier = store.findByKey(key);
        if (earlier.isPresent() && !earlier.get().requestHash().equals(hash)) {
            throw new IdempotencyKeyReusedException("Idempotency-Key '" + key + "' was already used for a different request (it allocated "
                    + earlier.get().tag() + ")");
        }
        return earlier;
    }

    private AllocationResult allocateExclusively(VersionRequest request, String key, String hash, String caller) {
        Optional<Allocation> earlier = key == null ? Optional.empty() : earlier(key, hash);
        if (earlier.isPresent()) {
            Allocation a = earlier.get();
            return new AllocationResult(a.status() == AllocationStatus.PENDING ? complete(a, true) : a, true);
        }
        RepositoryView view = repository.refresh();
        AllocationPlan plan = policy.plan(request, view, store.pendingTags(), tag -> stored(tag).isPresent(), clock.instant());
        refuseIfStored(plan);
        Allocation reserved = store.reserve(new NewAllocation(plan, key, hash, caller, clock.instant()));
        checkpoints.reserved(reserved);
        return new AllocationResult(complete(reserved, false), false);
    }

    /** The allocation, in any state, that holds this tag or its version: versions are unique forever. */
    private Optional<Allocation> stored(Tag tag) {
        return store.findByTag(tag.name()).or(() -> store.findByVersion(tag.version().plusForm()));
    }

    private void refuseIfStored(AllocationPlan plan) {
        stored(plan.tag()).ifPresent(a -> {
            throw new VersionTakenException(a.tag().name(), "version " + plan.tag().version() + " was already allocated as "
                    + a.tag() + " (" + a.status().id() + ")" + (a.status() == AllocationStatus.PENDING
                            ? "; that allocation is in progress or was interrupted: retry it with its Idempotency-Key" : ""));
        });
    }

    /** Tag rule and push with bounded refetch-and-retry; then the allocation is tagged, released, or left pending. */
    private Allocation complete(Allocation allocation, boolean resuming) {
        String lastRejection = "";
        for (int attempt = 1; attempt <= pushAttempts; attempt++) {
            stopIfInterrupted(allocation, resuming);
            if (resuming || attempt > 1) {
                guarded(allocation, resuming, repository::refresh);
            }
            checkpoints.beforePush(allocation, attempt);
            TagOutcome outcome = guarded(allocation, resuming, () -> repository.applyTag(allocation.plan(), resuming));
            if (outcome instanceof TagOutcome.Tagged tagged) {
                checkpoints.pushed(allocation);
                return store.markTagged(allocation.id(), tagged.commit(), clock.instant());
            }
            if (outcome instanceof TagOutcome.Conflict conflict) {
                store.release(allocation.id());
                throw new TagConflictException(conflict.reason());
            }
            lastRejection = ((TagOutcome.Rejected) outcome).reason();
            LOG.log(System.Logger.Level.INFO, "push of {0} rejected (attempt {1} of {2}): {3}; refetching",
                    allocation.tag(), attempt, pushAttempts, lastRejection);
        }
        store.release(allocation.id());
        throw new AllocationBusyException("the remote moved during each of " + pushAttempts + " attempts to push "
                + allocation.tag() + " (last: " + lastRejection + "); nothing was pushed, retry later");
    }

    /**
     * An interrupt (the service stopping) ends the loop before another fetch and push, the interrupt flag kept for
     * the caller. A fresh allocation pushed nothing yet, so its version is freed; a resumed one may have pushed in an
     * earlier run, so it stays pending for a retry or the sweeper.
     */
    private void stopIfInterrupted(Allocation allocation, boolean resuming) {
        if (!Thread.currentThread().isInterrupted()) {
            return;
        }
        if (!resuming) {
            store.release(allocation.id());
        }
        throw new AllocationBusyException("interrupted before pushing " + allocation.tag()
                + (resuming ? "; retry with the same Idempotency-Key" : "; nothing was pushed, retry later"));
    }

    /** A remote failure before any push frees the reservation; one that may have pushed keeps it for a retry. */
    private <T> T guarded(Allocation allocation, boolean resuming, Supplier<T> step) {
        try {
            return step.get();
        } catch (RepositoryUnavailableException e) {
            if (!resuming && !e.pushMayHaveHappened()) {
                store.release(allocation.id());
            }
            throw e;
        }
    }

    private Optional<Allocation> deleteExclusively(Tag tag, String reason) {
        Optional<Allocation> stored = store.findByTag(tag.name());
        if (stored.isPresent() && stored.get().status() == AllocationStatus.DELETED) {
            return stored;
        }
        if (stored.isPresent() && stored.get().status() == AllocationStatus.PENDING) {
            throw new AllocationInProgressException(tag + " belongs to an allocation that is pending; retry that allocation first");
        }
        for (int attempt = 1; attempt <= pushAttempts; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AllocationBusyException("interrupted before deleting " + tag + "; retry later");
            }
            repository.refresh();
            DeleteOutcome outcome = repository.deleteTag(tag.name());
            if (outcome == DeleteOutcome.REJECTED) {
                continue;
            }
            if (outcome == DeleteOutcome.ABSENT && stored.isEmpty()) {
                throw new VersionNotFoundException("there is no tag " + tag + " on the remote and no allocation of it");
            }
            if (stored.isPresent()) {
                return Optional.of(store.markDeleted(stored.get().id(), reason, clock.instant()));
            }
            store.recordForeignDeletion(tag, reason, clock.instant());
            return Optional.empty();
        }
        throw new AllocationBusyException("the tag " + tag + " kept moving on the remote during " + pushAttempts + " attempts to delete it");
    }
}
