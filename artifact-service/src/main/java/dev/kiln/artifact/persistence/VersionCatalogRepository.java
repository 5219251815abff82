package dev.kiln.artifact.persistence;

import dev.kiln.artifact.domain.gc.KnownVersion;
import dev.kiln.artifact.domain.gc.PublishedRelease;
import dev.kiln.artifact.domain.gc.VersionCatalog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The version and release replicas in {@code known_version}, {@code published_release} and {@code replica_sync}. */
@ApplicationScoped
public class VersionCatalogRepository implements VersionCatalog {

    private static final String VERSIONS = "versions";

    private final Clock clock;

    public VersionCatalogRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<KnownVersion> versions() {
        return em().createQuery("from KnownVersionEntity", KnownVersionEntity.class).getResultList().stream()
                .map(row -> new KnownVersion(row.tag, row.version, row.createdAt)).toList();
    }

    @Override
    @Transactional
    public boolean synced() {
        return em().find(ReplicaSyncEntity.class, VERSIONS) != null;
    }

    @Override
    @Transactional
    public void replaceAll(List<KnownVersion> versions, Instant syncedAt) {
        em().createQuery("delete from KnownVersionEntity").executeUpdate();
        versions.forEach(this::add);
        ReplicaSyncEntity sync = em().find(ReplicaSyncEntity.class, VERSIONS);
        if (sync == null) {
            sync = new ReplicaSyncEntity();
            sync.name = VERSIONS;
            sync.syncedAt = syncedAt;
            em().persist(sync);
        } else {
            sync.syncedAt = syncedAt;
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(KnownVersion version) {
        em().createNativeQuery("""
                insert into known_version (tag, version, created_at, recorded_at) values (?1, ?2, ?3, ?4)
                on conflict (tag) do update set version = excluded.version, created_at = excluded.created_at,
                recorded_at = excluded.recorded_at""")
                .setParameter(1, version.tag()).setParameter(2, version.version())
                .setParameter(3, version.createdAt()).setParameter(4, clock.instant())
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String tag) {
        em().createQuery("delete from KnownVersionEntity where tag = ?1").setParameter(1, tag).executeUpdate();
    }

    @Override
    @Transactional
    public List<PublishedRelease> releases() {
        return em().createQuery("from PublishedReleaseEntity", PublishedReleaseEntity.class).getResultList().stream()
                .map(row -> new PublishedRelease(row.version, row.channel, row.publishedAt)).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void addRelease(PublishedRelease release) {
        em().createNativeQuery("""
                insert into published_release (version, channel, published_at, recorded_at) values (?1, ?2, ?3, ?4)
                on conflict (version) do update set channel = excluded.channel, published_at = excluded.published_at,
                recorded_at = excluded.recorded_at""")
                .setParameter(1, release.version()).setParameter(2, release.channel())
                .setParameter(3, release.publishedAt()).setParameter(4, clock.instant())
                .executeUpdate();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
