package dev.kiln.release.domain.channel;

import dev.kiln.common.error.DomainException;
import dev.kiln.common.error.DomainException.Kind;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One channel's pointers, immutable, derived from its history alone so that the history cannot disagree with
 * them: per arch, {@code current} is what the newest entry of that arch left it pointing to. Release states move
 * with the board, but that is the caller's part: publish the {@link Release} before the board, and on a rollback
 * supersede the old current and reinstate the target. LTS per-year pointers are not modelled yet.
 */
public record ChannelBoard(Channel channel, List<BoardEntry> history) {

    /** The board as it now is, and the entries just appended. */
    public record Change(ChannelBoard board, List<BoardEntry> entries) {
    }

    public ChannelBoard {
        Objects.requireNonNull(channel, "channel");
        history = List.copyOf(history);
    }

    public static ChannelBoard empty(Channel channel) {
        return new ChannelBoard(channel, List.of());
    }

    public Optional<Version> current(String arch) {
        return history(arch).reversed().stream().findFirst().flatMap(BoardEntry::current);
    }

    public List<BoardEntry> history(String arch) {
        return history.stream().filter(e -> e.arch().equals(arch)).toList();
    }

    /** Versions ever withdrawn from this channel; never served again. */
    public Set<Version> withdrawn() {
        return history.stream().filter(e -> e.action() == BoardEntry.Action.WITHDRAW).map(BoardEntry::version)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Where a rollback of {@code arch} goes: the highest version published on that arch below the current one (any,
     * when nothing is current), not withdrawn. By version, not by history order, so that a second rollback goes
     * further back instead of returning to the release just rolled back from.
     */
    public Optional<Version> rollbackTarget(String arch) {
        Optional<Version> current = current(arch);
        Set<Version> withdrawn = withdrawn();
        return history(arch).stream().filter(e -> e.action() == BoardEntry.Action.PUBLISH).map(BoardEntry::version)
                .filter(v -> !withdrawn.contains(v))
                .filter(v -> current.map(c -> Version.BY_NUMBER.compare(v, c) < 0).orElse(true))
                .max(Version.BY_NUMBER);
    }

    /** Points {@code arch} at a published release of this channel newer than the current one. */
    public Change publish(String arch, Release release, String actor, String reason, Instant now) {
        Version version = release.version();
        if (release.channel() != channel) {
            throw refusal(Kind.ILLEGAL, "wrong-channel", version + " is a " + release.channel().id() + " release, not " + channel.id());
        }
        if (release.state() != ReleaseState.PUBLISHED) {
            throw refusal(Kind.CONFLICT, "release-not-published", version + " is " + release.state().id());
        }
        if (!release.arches().contains(arch)) {
            throw refusal(Kind.ILLEGAL, "arch-not-built", version + " was not built for " + arch);
        }
        Optional<Version> current = current(arch);
        if (current.isPresent() && Version.BY_NUMBER.compare(version, current.get()) <= 0) {
            throw refusal(Kind.CONFLICT, "not-newer-than-current", channel.id() + "/" + arch + " is at " + current.get()
                    + "; publishing goes forward only, a rollback goes back");
        }
        return append(List.of(new BoardEntry(BoardEntry.Action.PUBLISH, arch, version, Optional.of(version), actor, reason, now)));
    }

    /** Repoints {@code arch} to its {@link #rollbackTarget}; refused when there is none. */
    public Change rollback(String arch, String actor, String reason, Instant now) {
        Version target = rollbackTarget(arch).orElseThrow(() -> refusal(Kind.CONFLICT, "no-rollback-target",
                channel.id() + "/" + arch + " has no earlier published, not withdrawn release"));
        return append(List.of(new BoardEntry(BoardEntry.Action.ROLLBACK, arch, target, Optional.of(target), actor, reason, now)));
    }

    /** Withdraws {@code version} on every arch it was published on, rolling back each arch where it is current. */
    public Change withdraw(Version version, String actor, String reason, Instant now) {
        if (withdrawn().contains(version)) {
            throw refusal(Kind.GONE, "release-withdrawn", version + " is already withdrawn from " + channel.id());
        }
        List<String> arches = history.stream().filter(e -> e.action() == BoardEntry.Action.PUBLISH && e.version().equals(version))
                .map(BoardEntry::arch).distinct().toList();
        if (arches.isEmpty()) {
            throw refusal(Kind.NOT_FOUND, "not-in-channel", version + " was never published in " + channel.id());
        }
        ChannelBoard board = this;
        List<BoardEntry> entries = new ArrayList<>();
        for (String arch : arches) {
            boolean isCurrent = board.current(arch).filter(version::equals).isPresent();
            // the entry's own withdrawal must already count when finding where current goes
            ChannelBoard withEntry = board.append(List.of(new BoardEntry(BoardEntry.Action.WITHDRAW, arch, version,
                    board.current(arch), actor, reason, now))).board();
            Optional<Version> after = isCurrent ? withEntry.rollbackTarget(arch) : board.current(arch);
            BoardEntry entry = new BoardEntry(BoardEntry.Action.WITHDRAW, arch, version, after, actor, reason, now);
            board = board.append(List.of(entry)).board();
            entries.add(entry);
        }
        return new Change(board, entries);
    }

    private Change append(List<BoardEntry> entries) {
        List<BoardEntry> next = new ArrayList<>(history);
        next.addAll(entries);
        return new Change(new ChannelBoard(channel, next), entries);
    }

    private static DomainException refusal(Kind kind, String slug, String detail) {
        return new DomainException(kind, slug, detail);
    }
}
