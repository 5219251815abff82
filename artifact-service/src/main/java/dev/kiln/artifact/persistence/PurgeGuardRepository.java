package dev.kiln.artifact.persistence;

import dev.kiln.artifact.config.ArtifactConfig;
import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.PurgeGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The guard between uploads and purges in {@code upload_lease}, {@code gc_purge} and the index's
 * {@code stored_seq}. Admissions and index writes take the guard's advisory lock shared; purge starts and
 * watermarks take it exclusively, so each sees every admission and index write committed before it.
 */
@ApplicationScoped
public class PurgeGuardRepository implements PurgeGuard {

    /** The advisory lock key ("KilnGC01"); artifact path locks hash paths into other keys. */
    private static final long GUARD_KEY = 0x4B696C6E47433031L;

    private final EntityManager em;
    private final Duration leaseStaleAfter;
    private final Duration abandonedAfter;
    private final Clock clock;

    public PurgeGuardRepository(EntityManager em, ArtifactConfig config, Clock clock) {
        this.em = em;
        this.leaseStaleAfter = config.upload().staleAfter();
        this.abandonedAfter = config.gc().abandonedAfter();
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void admit(String writeId, CachePath path, Instant now) {
        lock("pg_advisory_xact_lock_shared");
        Optional<String> run = purging(path);
        if (run.isPresent()) {
            throw new ArtifactException(ArtifactException.Reason.CONFLICT, "version-being-purged", "garbage collection"
                    + " run " + run.get() + " is purging the directory of '" + path + "'; nothing was stored."
                    + " Retry once the run has finished (GET /api/v1/gc/runs/" + run.get() + ")", null);
        }
        em.createNativeQuery("insert into upload_lease (write_id, path, started_at) values (?1, ?2, ?3)")
                .setParameter(1, writeId).setParameter(2, path.value()).setParameter(3, now).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String writeId) {
        em.createNativeQuery("delete from upload_lease where write_id = ?1").setParameter(1, writeId).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdWhileIndexing() {
        lock("pg_advisory_xact_lock_shared");
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> purging(CachePath path) {
        return first(em.createNativeQuery("""
                select p.run_id from gc_purge p join gc_run r on r.id = p.run_id
                where left(?1, length(p.prefix)) = p.prefix and r.status = 'RUNNING' and r.heartbeat_at >= ?2
                limit 1""").setParameter(1, path.value()).setParameter(2, clock.instant().minus(abandonedAfter))
                .getResultList());
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long watermark() {
        lock("pg_advisory_xact_lock");
        Object value = em.createNativeQuery(
                "select case when is_called then last_value else 0 end from artifact_store_seq").getSingleResult();
        return ((Number) value).longValue();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> beginPurge(String runId, int seq, List<String> prefixes, long watermark, Instant now) {
        lock("pg_advisory_xact_lock");
        for (String prefix : prefixes) {
            Optional<String> conflict = conflictUnder(prefix, watermark, now);
            if (conflict.isPresent()) {
                return conflict;
            }
        }
        for (String prefix : prefixes) {
            em.createNativeQuery("insert into gc_purge (run_id, seq, prefix) values (?1, ?2, ?3)")
                    .setParameter(1, runId).setParameter(2, seq).setParameter(3, prefix).executeUpdate();
        }
        return Optional.empty();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void endPurge(String runId, int seq) {
        em.createNativeQuery("delete from gc_purge where run_id = ?1 and seq = ?2").setParameter(1, runId)
                .setParameter(2, seq).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void endRun(String runId) {
        em.createNativeQuery("delete from gc_purge where run_id = ?1").setParameter(1, runId).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int dropLeasesBefore(Instant cutoff) {
        return em.createNativeQuery("delete from upload_lease where started_at < ?1").setParameter(1, cutoff)
                .executeUpdate();
    }

    private Optional<String> conflictUnder(String prefix, long watermark, Instant now) {
        Optional<String> uploading = first(em.createNativeQuery("""
                select path from upload_lease where left(path, length(?1)) = ?1 and started_at >= ?2 limit 1""")
                .setParameter(1, prefix).setParameter(2, now.minus(leaseStaleAfter)).getResultList());
        if (uploading.isPresent()) {
            return Optional.of("an upload of '" + uploading.get() + "' is in progress; the next run decides again");
        }
        Optional<String> publishing = first(em.createNativeQuery(
                "select path from pending_write where left(path, length(?1)) = ?1 limit 1")
                .setParameter(1, prefix).getResultList());
        if (publishing.isPresent()) {
            return Optional.of("a verified write of '" + publishing.get() + "' is not indexed yet; the next run"
                    + " decides again");
        }
        Optional<String> fresh = first(em.createNativeQuery("""
                select path from artifact where path like ?1 escape '\\' and stored_seq > ?2 limit 1""")
                .setParameter(1, LikePatterns.startingWith(prefix)).setParameter(2, watermark).getResultList());
        return fresh.map(path -> "'" + path + "' was stored after the plan was made; the next run decides again");
    }

    private void lock(String function) {
        em.createNativeQuery("select " + function + "(?1)").setParameter(1, GUARD_KEY).getSingleResult();
    }

    private static Optional<String> first(List<?> rows) {
        return rows.stream().findFirst().map(String::valueOf);
    }
}
