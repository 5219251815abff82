package dev.kiln.release.domain.channel;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pointers a board calls for, and the storage calls that take the pointers of one board to those of another.
 * Every arch with a current release has {@code current}; on lts, every stream (major) with a servable release on
 * an arch also has {@code current-<YEAR>}: the channel's current release when it is of that major, otherwise the
 * stream's newest published, not withdrawn release.
 */
public final class PointerPlan {

    /** The calls: pointers to set (set again when unchanged: a repeat is a no-op) and pointers to remove. */
    public record Steps(List<Pointer> moves, List<Pointer> removals) {
    }

    private PointerPlan() {
    }

    public static List<Pointer> desired(ChannelBoard board, Map<Integer, Integer> ltsYears) {
        List<Pointer> out = new ArrayList<>();
        Set<Version> withdrawn = board.withdrawn();
        for (String arch : arches(board)) {
            Optional<Version> current = board.current(arch);
            current.ifPresent(v -> out.add(new Pointer(arch, CacheAreas.CURRENT, v)));
            if (board.channel() != Channel.LTS) {
                continue;
            }
            for (Map.Entry<Integer, Integer> stream : new java.util.TreeMap<>(ltsYears).entrySet()) {
                int major = stream.getKey();
                Optional<Version> target = current.filter(v -> v.major() == major).or(() -> board.history(arch).stream()
                        .filter(e -> e.action() == BoardEntry.Action.PUBLISH).map(BoardEntry::version)
                        .filter(v -> v.major() == major && !withdrawn.contains(v)).max(Version.BY_NUMBER));
                target.ifPresent(v -> out.add(new Pointer(arch, LtsStreams.pointerName(stream.getValue()), v)));
            }
        }
        return out;
    }

    /** From the pointers of {@code before} to those of {@code after}. */
    public static Steps between(List<Pointer> before, List<Pointer> after) {
        Set<String> kept = new TreeSet<>(after.stream().map(Pointer::slot).toList());
        List<Pointer> removals = before.stream().filter(p -> !kept.contains(p.slot())).toList();
        return new Steps(after, removals);
    }

    private static List<String> arches(ChannelBoard board) {
        return board.history().stream().map(BoardEntry::arch).distinct().sorted(Comparator.naturalOrder()).toList();
    }
}
