package dev.kiln.common.inbox;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The kiln_inbox table: which consumer already handled which event id. */
@ApplicationScoped
public class ProcessedEventRepository {

    /**
     * Inserts the marker unless present. A concurrent delivery of the same event blocks here until the
     * first transaction ends, then sees the row: so at most one of them proceeds.
     */
    public boolean markProcessed(String consumer, String eventId, String eventType, Instant at) {
        int inserted = Panache.getEntityManager().createNativeQuery("""
                insert into kiln_inbox (consumer, event_id, event_type, processed_at) values (?1, ?2, ?3, ?4)
                on conflict (consumer, event_id) do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, at)
                .executeUpdate();
        return inserted == 1;
    }

    public long countProcessed(String consumer) {
        return ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from kiln_inbox where consumer = ?1")
                .setParameter(1, consumer)
                .getSingleResult()).longValue();
    }
}
