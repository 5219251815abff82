package dev.kiln.common.idempotency;

import dev.kiln.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Claim-then-complete idempotency keys. {@link #claim} inserts a pending row in the caller's transaction;
 * a concurrent request with the same key blocks on that row until the first commits, then replays its
 * answer. If the first transaction rolls back, the key is free again.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int PENDING = 0;
    private static final int MAX_KEY_LENGTH = 256;

    private final Clock clock;

    public IdempotencyKeys(Clock clock) {
        this.clock = clock;
    }

    /**
     * Returns the stored answer when this key was used before with the same request, or empty when the
     * caller now owns the key and must {@link #complete} it in the same transaction.
     *
     * @throws ProblemException 422 when the key was used for a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredResponse> claim(String scope, String key, String requestFingerprint) {
        validate(key);
        String hash = sha256(requestFingerprint);
        EntityManager em = Panache.getEntityManager();
        int inserted = em.createNativeQuery("""
                insert into kiln_idempotency (scope, idem_key, request_hash, status, created_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict (scope, idem_key) do nothing""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash).setParameter(4, PENDING)
                .setParameter(5, clock.instant())
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select request_hash, status, response_body, location from kiln_idempotency
                where scope = ?1 and idem_key = ?2""")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        Object[] row = rows.getFirst();
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "Idempotency-Key '" + key + "' was already used for a different request");
        }
        return Optional.of(new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
    }

    /** Records the answer for a key claimed in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, StoredResponse response) {
        Panache.getEntityManager().createNativeQuery("""
                update kiln_idempotency set status = ?3, response_body = ?4, location = ?5
                where scope = ?1 and idem_key = ?2""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, response.status())
                .setParameter(4, response.body()).setParameter(5, response.location())
                .executeUpdate();
    }

    private static void validate(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be 1-" + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
