package dev.kiln.artifact.persistence;

import dev.kiln.artifact.domain.channel.ChannelBoard;
import dev.kiln.artifact.domain.channel.ChannelState;
import dev.kiln.artifact.domain.channel.Pointer;
import dev.kiln.artifact.domain.channel.PointerName;
import dev.kiln.artifact.domain.channel.Withdrawal;
import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Version;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Channel directories' copies, pointers and withdrawals in {@code channel_copy}, {@code channel_pointer}, {@code channel_withdrawal}. */
@ApplicationScoped
public class ChannelStateRepository implements ChannelState {

    private final EntityManager em;

    public ChannelStateRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(ChannelBoard board) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, board.lockName())
                .getSingleResult();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCopy(ChannelBoard board, Version version, String by, Instant at) {
        em.createNativeQuery("""
                insert into channel_copy (channel, arch, version, copied_by, copied_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (channel, arch, version) do nothing""")
                .setParameter(1, board.channel().id()).setParameter(2, board.arch()).setParameter(3, version.plusForm())
                .setParameter(4, by).setParameter(5, at).executeUpdate();
    }

    @Override
    public Set<String> copiedImagesDirectories() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct arch, version from channel_copy").getResultList();
        Set<String> directories = new LinkedHashSet<>();
        for (Object[] row : rows) {
            directories.add(CacheAreas.imagesDir((String) row[0], Version.parse((String) row[1])));
        }
        return directories;
    }

    @Override
    public Optional<Pointer> pointer(ChannelBoard board, PointerName name) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select name, version, moved_at from channel_pointer where channel = ?1 and arch = ?2 and name = ?3")
                .setParameter(1, board.channel().id()).setParameter(2, board.arch()).setParameter(3, name.value())
                .getResultList();
        return rows.stream().findFirst().map(ChannelStateRepository::pointer);
    }

    @Override
    public List<Pointer> pointers(ChannelBoard board) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select name, version, moved_at from channel_pointer where channel = ?1 and arch = ?2 order by name")
                .setParameter(1, board.channel().id()).setParameter(2, board.arch()).getResultList();
        return rows.stream().map(ChannelStateRepository::pointer).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void movePointer(ChannelBoard board, PointerName name, Version version, String by, Instant at) {
        em.createNativeQuery("""
                insert into channel_pointer (channel, arch, name, version, moved_by, moved_at) values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (channel, arch, name) do update set version = excluded.version, moved_by = excluded.moved_by,
                    moved_at = excluded.moved_at""")
                .setParameter(1, board.channel().id()).setParameter(2, board.arch()).setParameter(3, name.value())
                .setParameter(4, version.plusForm()).setParameter(5, by).setParameter(6, at).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean removePointer(ChannelBoard board, PointerName name) {
        return em.createNativeQuery("delete from channel_pointer where channel = ?1 and arch = ?2 and name = ?3")
                .setParameter(1, board.channel().id()).setParameter(2, board.arch()).setParameter(3, name.value())
                .executeUpdate() > 0;
    }

    @Override
    public Optional<Withdrawal> withdrawal(ChannelBoard board, Version version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select reason, withdrawn_by, withdrawn_at from channel_withdrawal
                where channel = ?1 and arch = ?2 and version = ?3""")
                .setParameter(1, board.channel().id()).setParameter(2, board.arch()).setParameter(3, version.plusForm())
                .getResultList();
        return rows.stream().findFirst().map(row -> new Withdrawal(board, version, (String) row[0], (String) row[1],
                instant(row[2])));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(Withdrawal withdrawal) {
        em.createNativeQuery("""
                insert into channel_withdrawal (channel, arch, version, reason, withdrawn_by, withdrawn_at)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (channel, arch, version) do nothing""")
                .setParameter(1, withdrawal.board().channel().id()).setParameter(2, withdrawal.board().arch())
                .setParameter(3, withdrawal.version().plusForm()).setParameter(4, withdrawal.reason())
                .setParameter(5, withdrawal.by()).setParameter(6, withdrawal.at()).executeUpdate();
    }

    private static Pointer pointer(Object[] row) {
        return new Pointer((String) row[0], Version.parse((String) row[1]), instant(row[2]));
    }

    private static Instant instant(Object value) {
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
}
