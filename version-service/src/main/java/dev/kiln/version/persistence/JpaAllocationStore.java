package dev.kiln.version.persistence;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.VersionDeleted;
import dev.kiln.version.domain.Allocation;
import dev.kiln.version.domain.AllocationFilter;
import dev.kiln.version.domain.AllocationStore;
import dev.kiln.version.domain.NewAllocation;
import dev.kiln.version.domain.Page;
import dev.kiln.flatcar.Tag;
import dev.kiln.version.domain.VersionTakenException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Allocation records in PostgreSQL; each call commits on its own, events leave through the outbox in the same transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaAllocationStore implements AllocationStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final AllocationRepository repository;
    private final Outbox outbox;

    public JpaAllocationStore(AllocationRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    @Override
    public Optional<Allocation> findByKey(String idempotencyKey) {
        return repository.findByKey(idempotencyKey).map(AllocationMapping::toDomain);
    }

    @Override
    public Optional<Allocation> findByTag(String tag) {
        return repository.findByTag(tag).map(AllocationMapping::toDomain);
    }

    @Override
    public Optional<Allocation> findByVersion(String version) {
        return repository.findByVersion(version).map(AllocationMapping::toDomain);
    }

    @Override
    public List<String> pendingTags() {
        return repository.pendingTags();
    }

    @Override
    public List<Allocation> pendingCreatedBefore(Instant cutoff) {
        return repository.pendingCreatedBefore(cutoff).stream().map(AllocationMapping::toDomain).toList();
    }

    @Override
    public Allocation reserve(NewAllocation allocation) {
        AllocationEntity row = AllocationMapping.toEntity(allocation);
        try {
            repository.persistAndFlush(row);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new VersionTakenException(row.tag, "version " + row.version + " (" + row.tag + ") or its Idempotency-Key was stored by a concurrent request");
            }
            throw e;
        }
        return AllocationMapping.toDomain(row);
    }

    @Override
    public Allocation markTagged(long id, String commit, Instant at) {
        AllocationEntity row = repository.findByIdOptional(id).orElseThrow(() -> new IllegalStateException("no allocation " + id));
        row.status = dev.kiln.version.domain.AllocationStatus.TAGGED.id();
        row.commitId = commit;
        row.taggedAt = at;
        outbox.append(AllocationMapping.tagged(row));
        return AllocationMapping.toDomain(row);
    }

    @Override
    public void release(long id) {
        repository.deletePending(id);
    }

    @Override
    public Allocation markDeleted(long id, String reason, Instant at) {
        AllocationEntity row = repository.findByIdOptional(id).orElseThrow(() -> new IllegalStateException("no allocation " + id));
        row.status = dev.kiln.version.domain.AllocationStatus.DELETED.id();
        row.deletedAt = at;
        row.deleteReason = reason;
        outbox.append(new VersionDeleted(row.tag, row.version, reason, at));
        return AllocationMapping.toDomain(row);
    }

    @Override
    public void recordForeignDeletion(Tag tag, String reason, Instant at) {
        outbox.append(new VersionDeleted(tag.name(), tag.version().plusForm(), reason, at));
    }

    @Override
    public Page<Allocation> list(AllocationFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.group() != null) {
            where.append(" and updateGroup = :group");
            params.and("group", filter.group().id());
        }
        if (filter.branch() != null) {
            where.append(" and (branch = :branch or (branch is null and baseBranch = :branch))");
            params.and("branch", filter.branch());
        }
        if (filter.official() != null) {
            where.append(" and official = :official");
            params.and("official", filter.official());
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.and("kind", filter.kind().id());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.and("status", filter.status().id());
        }
        PanacheQuery<AllocationEntity> query = repository.find(where.toString(),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), params).page(page, size);
        return new Page<>(query.list().stream().map(AllocationMapping::toDomain).toList(), page, size, query.count());
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
