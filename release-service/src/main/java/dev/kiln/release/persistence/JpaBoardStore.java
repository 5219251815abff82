package dev.kiln.release.persistence;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.BoardEntry;
import dev.kiln.release.domain.channel.BoardStore;
import dev.kiln.release.domain.channel.ChannelBoard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Channel boards from the channel_history table; channel_lock serializes changes of one channel. */
@ApplicationScoped
public class JpaBoardStore implements BoardStore {

    private final EntityManager em;

    public JpaBoardStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public ChannelBoard load(Channel channel) {
        List<BoardEntry> history = em.createQuery("select e from BoardEntryEntity e where e.channel = :c order by e.id",
                        BoardEntryEntity.class)
                .setParameter("c", channel.id()).getResultStream().map(JpaBoardStore::toEntry).toList();
        return new ChannelBoard(channel, history);
    }

    @Override
    public ChannelBoard lock(Channel channel) {
        em.createNativeQuery("select channel from channel_lock where channel = ?1 for update")
                .setParameter(1, channel.id()).getResultList();
        return load(channel);
    }

    @Override
    public void append(Channel channel, List<BoardEntry> entries) {
        for (BoardEntry entry : entries) {
            BoardEntryEntity row = new BoardEntryEntity();
            row.channel = channel.id();
            row.action = entry.action().name().toLowerCase(Locale.ROOT);
            row.arch = entry.arch();
            row.version = entry.version().toString();
            row.currentVersion = entry.current().map(Version::toString).orElse(null);
            row.actor = entry.actor();
            row.reason = entry.reason();
            row.at = entry.at();
            em.persist(row);
        }
    }

    private static BoardEntry toEntry(BoardEntryEntity e) {
        return new BoardEntry(BoardEntry.Action.valueOf(e.action.toUpperCase(Locale.ROOT)), e.arch, Version.parse(e.version),
                Optional.ofNullable(e.currentVersion).map(Version::parse), e.actor, e.reason, e.at);
    }
}
