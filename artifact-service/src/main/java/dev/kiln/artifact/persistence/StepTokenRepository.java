package dev.kiln.artifact.persistence;

import dev.kiln.artifact.domain.token.StepGrant;
import dev.kiln.artifact.domain.token.StepTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Step grants in {@code step_token}, keyed by the SHA-256 of their token; prefixes one per line. */
@ApplicationScoped
public class StepTokenRepository implements StepTokenStore {

    private final EntityManager em;

    public StepTokenRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void save(StepGrant grant, String tokenSha256) {
        em.createNativeQuery("insert into step_token (id, build_id, token_sha256, prefixes, issued_by, issued_at, "
                        + "expires_at, revoked_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, null)")
                .setParameter(1, grant.id()).setParameter(2, grant.buildId()).setParameter(3, tokenSha256)
                .setParameter(4, String.join("\n", grant.prefixes())).setParameter(5, grant.issuedBy())
                .setParameter(6, grant.issuedAt()).setParameter(7, grant.expiresAt())
                .executeUpdate();
    }

    @Override
    @Transactional
    public Optional<StepGrant> findByTokenSha256(String tokenSha256) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, build_id, prefixes, issued_by, issued_at, expires_at, "
                        + "revoked_at from step_token where token_sha256 = ?1")
                .setParameter(1, tokenSha256).getResultList();
        return rows.stream().findFirst().map(row -> new StepGrant((String) row[0], (String) row[1],
                Arrays.asList(((String) row[2]).split("\n")), (String) row[3], instant(row[4]), instant(row[5]),
                instant(row[6])));
    }

    @Override
    @Transactional
    public int revokeBuild(String buildId, Instant now) {
        return em.createNativeQuery("update step_token set revoked_at = ?2 where build_id = ?1 and revoked_at is null")
                .setParameter(1, buildId).setParameter(2, now).executeUpdate();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> buildsWithLiveTokens(Instant now, int limit) {
        return em.createNativeQuery("select distinct build_id from step_token where revoked_at is null "
                        + "and expires_at > ?1 order by build_id")
                .setParameter(1, now).setMaxResults(limit).getResultList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
