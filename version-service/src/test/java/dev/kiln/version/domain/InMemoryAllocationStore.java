package dev.kiln.version.domain;

import dev.kiln.flatcar.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Allocation records in a map, for domain tests that need no database. */
final class InMemoryAllocationStore implements AllocationStore {

    private final Map<Long, Allocation> rows = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public Optional<Allocation> findByKey(String idempotencyKey) {
        return rows.values().stream().filter(a -> idempotencyKey.equals(a.idempotencyKey())).findFirst();
    }

    @Override
    public Optional<Allocation> findByTag(String tag) {
        return rows.values().stream().filter(a -> a.tag().name().equals(tag)).findFirst();
    }

    @Override
    public Optional<Allocation> findByVersion(String version) {
        return rows.values().stream().filter(a -> a.tag().version().plusForm().equals(version)).findFirst();
    }

    @Override
    public List<String> pendingTags() {
        return rows.values().stream().filter(a -> a.status() == AllocationStatus.PENDING).map(a -> a.tag().name()).toList();
    }

    @Override
    public List<Allocation> pendingCreatedBefore(Instant cutoff) {
        return rows.values().stream().filter(a -> a.status() == AllocationStatus.PENDING && a.createdAt().isBefore(cutoff)).toList();
    }

    @Override
    public Allocation reserve(NewAllocation n) {
        Allocation a = new Allocation(nextId++, n.plan(), AllocationStatus.PENDING, null, n.idempotencyKey(), n.requestHash(),
                n.requestedBy(), n.createdAt(), null, null, null);
        rows.put(a.id(), a);
        return a;
    }

    @Override
    public Allocation markTagged(long id, String commit, Instant at) {
        Allocation a = rows.get(id);
        Allocation tagged = new Allocation(id, a.plan(), AllocationStatus.TAGGED, commit, a.idempotencyKey(), a.requestHash(),
                a.requestedBy(), a.createdAt(), at, null, null);
        rows.put(id, tagged);
        return tagged;
    }

    @Override
    public void release(long id) {
        rows.remove(id);
    }

    @Override
    public Allocation markDeleted(long id, String reason, Instant at) {
        Allocation a = rows.get(id);
        Allocation deleted = new Allocation(id, a.plan(), AllocationStatus.DELETED, a.commit(), a.idempotencyKey(), a.requestHash(),
                a.requestedBy(), a.createdAt(), a.taggedAt(), at, reason);
        rows.put(id, deleted);
        return deleted;
    }

    @Override
    public void recordForeignDeletion(Tag tag, String reason, Instant at) {
    }

    @Override
    public Page<Allocation> list(AllocationFilter filter, int page, int size) {
        throw new UnsupportedOperationException("not needed by domain tests");
    }

    List<Allocation> all() {
        return new ArrayList<>(rows.values());
    }
}
