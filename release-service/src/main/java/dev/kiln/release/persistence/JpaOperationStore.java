package dev.kiln.release.persistence;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.ChannelOperation;
import dev.kiln.release.domain.channel.OperationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Channel operations in the channel_operation table; its partial unique index allows one pending row per channel. */
@ApplicationScoped
public class JpaOperationStore implements OperationStore {

    private static final String COLUMNS = "id, channel, kind, version, arches, actor, reason, state, attempts, last_error, created_at";

    private final EntityManager em;

    public JpaOperationStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<ChannelOperation> enqueue(ChannelOperation op) {
        List<?> ids = em.createNativeQuery("""
                insert into channel_operation (channel, kind, version, arches, actor, reason, state, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?7)
                on conflict (channel) where state = 'pending' do nothing returning id""")
                .setParameter(1, op.channel().id())
                .setParameter(2, op.kind().id())
                .setParameter(3, op.version().map(Version::toString).orElse(null))
                .setParameter(4, String.join(",", op.arches()))
                .setParameter(5, op.actor())
                .setParameter(6, op.reason())
                .setParameter(7, op.createdAt())
                .getResultList();
        return ids.stream().findFirst().flatMap(id -> find(((Number) id).longValue()));
    }

    @Override
    public Optional<ChannelOperation> pending(Channel channel) {
        return one("select " + COLUMNS + " from channel_operation where channel = ?1 and state = 'pending'", channel.id());
    }

    @Override
    public Optional<ChannelOperation> lock(long id) {
        return one("select " + COLUMNS + " from channel_operation where id = ?1 for update", id);
    }

    @Override
    public Optional<ChannelOperation> find(long id) {
        return one("select " + COLUMNS + " from channel_operation where id = ?1", id);
    }

    @Override
    public void attempted(long id, String error, Instant at) {
        if (error == null) {
            em.createNativeQuery("update channel_operation set attempts = attempts + 1, updated_at = ?2 where id = ?1")
                    .setParameter(1, id).setParameter(2, at).executeUpdate();
        } else {
            em.createNativeQuery("update channel_operation set last_error = ?2, updated_at = ?3 where id = ?1")
                    .setParameter(1, id).setParameter(2, truncate(error)).setParameter(3, at).executeUpdate();
        }
    }

    @Override
    public void moveTo(long id, ChannelOperation.State state, String note, Instant at) {
        em.createNativeQuery("update channel_operation set state = ?2, note = coalesce(cast(?3 as varchar), note), updated_at = ?4"
                        + " where id = ?1")
                .setParameter(1, id).setParameter(2, state.id()).setParameter(3, note == null ? null : truncate(note))
                .setParameter(4, at).executeUpdate();
    }

    @Override
    public List<ChannelOperation> committed() {
        return em.createNativeQuery("select " + COLUMNS + " from channel_operation where state = 'committed' order by id")
                .getResultList().stream().map(r -> toOperation((Object[]) r)).toList();
    }

    @Override
    public List<Long> unfinished(Instant quietSince) {
        List<?> ids = em.createNativeQuery("select id from channel_operation where (state = 'pending' and updated_at < ?1)"
                + " or state = 'committed' order by id").setParameter(1, quietSince).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    private Optional<ChannelOperation> one(String sql, Object param) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, param).getResultList();
        return rows.stream().findFirst().map(r -> toOperation((Object[]) r));
    }

    private static ChannelOperation toOperation(Object[] r) {
        String arches = (String) r[4];
        return new ChannelOperation(((Number) r[0]).longValue(), Channel.ofId((String) r[1]).orElseThrow(),
                ChannelOperation.Kind.valueOf(((String) r[2]).toUpperCase(Locale.ROOT)),
                Optional.ofNullable((String) r[3]).map(Version::parse),
                arches.isEmpty() ? List.of() : Arrays.asList(arches.split(",")), (String) r[5], (String) r[6],
                ChannelOperation.State.valueOf(((String) r[7]).toUpperCase(Locale.ROOT)), ((Number) r[8]).intValue(),
                Optional.ofNullable((String) r[9]), instant(r[10]));
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
