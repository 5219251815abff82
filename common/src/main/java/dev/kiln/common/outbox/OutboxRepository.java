package dev.kiln.common.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads and locks outbox rows; every method needs a transaction. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEventEntity, Long> {

    /**
     * Takes the per-schema relay lock for the rest of the transaction, so that only one replica publishes
     * at a time and events leave in seq order.
     */
    public boolean tryRelayLock() {
        Object locked = getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.kiln_outbox'))")
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    public List<OutboxEventEntity> nextUnsent(int limit) {
        return find("sentAt is null order by seq").page(0, limit).list();
    }

    public long countUnsent() {
        return count("sentAt is null");
    }

    public long deleteSentBefore(Instant cutoff) {
        return delete("sentAt is not null and sentAt < ?1", cutoff);
    }
}
