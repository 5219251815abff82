package dev.kiln.artifact.persistence;

import dev.kiln.artifact.domain.ArtifactIndex;
import dev.kiln.artifact.domain.ArtifactQuery;
import dev.kiln.artifact.domain.CacheLocation;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.Digests;
import dev.kiln.artifact.domain.StoredArtifact;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The artifact index in the {@code artifact} table. */
@ApplicationScoped
public class ArtifactRepository implements PanacheRepositoryBase<ArtifactEntity, String>, ArtifactIndex {

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(List<CachePath> paths) {
        paths.stream().mapToLong(p -> lockKey(p.value())).sorted().distinct().forEach(key ->
                getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, key)
                        .getSingleResult());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(StoredArtifact artifact) {
        ArtifactEntity row = findById(artifact.path().value());
        if (row == null) {
            row = new ArtifactEntity();
            row.path = artifact.path().value();
            fill(row, artifact);
            persist(row);
        } else {
            fill(row, artifact);
        }
    }

    @Override
    public Optional<StoredArtifact> find(CachePath path) {
        return findByIdOptional(path.value()).map(ArtifactRepository::toDomain);
    }

    @Override
    public List<StoredArtifact> query(ArtifactQuery query, int page, int size) {
        Filter filter = Filter.of(query);
        return find(filter.where, Sort.by("path"), filter.parameters).page(Page.of(page, size)).list().stream()
                .map(ArtifactRepository::toDomain).toList();
    }

    @Override
    public long count(ArtifactQuery query) {
        Filter filter = Filter.of(query);
        return count(filter.where, filter.parameters);
    }

    @Override
    public List<StoredArtifact> under(String prefix) {
        return list("path like ?1 escape '\\' order by path", LikePatterns.startingWith(prefix)).stream()
                .map(ArtifactRepository::toDomain).toList();
    }

    @Override
    public boolean anyUnder(String prefix) {
        return find("path like ?1 escape '\\'", LikePatterns.startingWith(prefix)).firstResultOptional().isPresent();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredArtifact> removeAll(Collection<String> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        List<ArtifactEntity> rows = list("path in ?1", List.copyOf(paths));
        rows.forEach(this::delete);
        return rows.stream().map(ArtifactRepository::toDomain).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredArtifact> removeUnder(String prefix) {
        List<ArtifactEntity> rows = list("path like ?1 escape '\\'", LikePatterns.startingWith(prefix));
        rows.forEach(this::delete);
        return rows.stream().map(ArtifactRepository::toDomain).toList();
    }

    @Override
    public Map<String, Instant> newestBelowChildren(String prefix) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select split_part(substr(path, ?2), '/', 1) as child, max(created_at)
                from artifact where path like ?1 escape '\\' and strpos(substr(path, ?2), '/') > 0
                group by child""")
                .setParameter(1, LikePatterns.startingWith(prefix))
                .setParameter(2, prefix.length() + 1)
                .getResultList();
        Map<String, Instant> newest = new LinkedHashMap<>();
        for (Object[] row : rows) {
            newest.put((String) row[0], toInstant(row[1]));
        }
        return newest;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private static long lockKey(String path) {
        long hash = 1125899906842597L;
        for (int i = 0; i < path.length(); i++) {
            hash = 31 * hash + path.charAt(i);
        }
        return hash;
    }

    private static void fill(ArtifactEntity row, StoredArtifact artifact) {
        row.area = artifact.location().area();
        row.version = artifact.location().version();
        row.arch = artifact.location().arch();
        row.size = artifact.digests().size();
        row.md5 = artifact.digests().md5();
        row.sha1 = artifact.digests().sha1();
        row.sha256 = artifact.digests().sha256();
        row.sha512 = artifact.digests().sha512();
        row.contentType = artifact.contentType();
        row.etag = artifact.etag();
        row.generated = artifact.generated();
        row.createdAt = artifact.createdAt();
        row.uploadedBy = artifact.uploadedBy();
    }

    static StoredArtifact toDomain(ArtifactEntity row) {
        return new StoredArtifact(CachePath.parse(row.path), new CacheLocation(row.area, row.version, row.arch),
                new Digests(row.size, row.md5, row.sha1, row.sha256, row.sha512), row.contentType, row.etag,
                row.createdAt, row.uploadedBy, row.generated);
    }

    /** The WHERE clause of a query; "1 = 1" when nothing filters. */
    private record Filter(String where, Parameters parameters) {

        static Filter of(ArtifactQuery query) {
            List<String> clauses = new ArrayList<>();
            Parameters parameters = new Parameters();
            if (query.version() != null) {
                clauses.add("version = :version");
                parameters.and("version", query.version());
            }
            if (query.area() != null) {
                clauses.add("area = :area");
                parameters.and("area", query.area());
            }
            if (query.arch() != null) {
                clauses.add("arch = :arch");
                parameters.and("arch", query.arch());
            }
            return new Filter(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
        }
    }
}
