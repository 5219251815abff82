package dev.kiln.version.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Queries on version_allocation; every method needs a transaction. */
@ApplicationScoped
public class AllocationRepository implements PanacheRepositoryBase<AllocationEntity, Long> {

    public Optional<AllocationEntity> findByKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    public Optional<AllocationEntity> findByTag(String tag) {
        return find("tag", tag).firstResultOptional();
    }

    public Optional<AllocationEntity> findByVersion(String version) {
        return find("version", version).firstResultOptional();
    }

    public List<String> pendingTags() {
        return getEntityManager().createQuery("select a.tag from AllocationEntity a where a.status = :status", String.class)
                .setParameter("status", AllocationMapping.PENDING).getResultList();
    }

    public List<AllocationEntity> pendingCreatedBefore(Instant cutoff) {
        return list("status = ?1 and createdAt < ?2 order by createdAt", AllocationMapping.PENDING, cutoff);
    }

    /** Deletes the row only while it is pending; returns whether it did. */
    public boolean deletePending(long id) {
        return delete("id = ?1 and status = ?2", id, AllocationMapping.PENDING) == 1;
    }
}
