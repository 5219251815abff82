package dev.kiln.console.view;

import dev.kiln.console.client.Releases;
import java.util.Comparator;
import java.util.List;

/** One channel on the board: the current release per arch and every publish, rollback and withdraw, newest first. */
public record ChannelBoard(String channel, Releases.Policy policy, List<Releases.ArchBoard> arches, List<Entry> history) {

    /** A history entry with the arch it happened on. */
    public record Entry(String arch, Releases.BoardEntry entry) {
    }

    public static ChannelBoard of(Releases.Channel channel) {
        List<Releases.ArchBoard> arches = channel.arches() == null ? List.of() : channel.arches();
        List<Entry> history = arches.stream()
                .flatMap(a -> (a.history() == null ? List.<Releases.BoardEntry>of() : a.history()).stream()
                        .map(e -> new Entry(a.arch(), e)))
                .sorted(Comparator.comparing((Entry e) -> e.entry().at(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        return new ChannelBoard(channel.channel(), channel.policy(), arches, history);
    }
}
