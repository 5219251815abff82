package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;
import dev.kiln.common.error.DomainException.Kind;
import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.ReleasePublished;
import dev.kiln.events.ReleaseRolledBack;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.BoardEntry;
import dev.kiln.release.domain.channel.BoardStore;
import dev.kiln.release.domain.channel.ChannelBoard;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import dev.kiln.release.domain.release.ReleaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moves channel boards and the release states that go with them, in one transaction with their events: publishing
 * a ready release (the previous current becomes superseded) and rolling back (the target is reinstated). State and
 * history only: copying the images into the channel's directories is artifact-service's, and not wired yet.
 */
@ApplicationScoped
public class Publishing {

    private final ReleaseStore releases;
    private final BoardStore boards;
    private final GateKeeper gates;
    private final Outbox outbox;
    private final Clock clock;

    public Publishing(ReleaseStore releases, BoardStore boards, GateKeeper gates, Outbox outbox, Clock clock) {
        this.releases = releases;
        this.boards = boards;
        this.gates = gates;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Publishes {@code version} on every arch it was built for; returns the board afterwards. */
    @Transactional
    public ChannelBoard publish(Channel channel, String versionText, String actor) {
        if (versionText == null || versionText.isBlank()) {
            throw new DomainException(Kind.INVALID, "invalid-publication", "version is required, e.g. {\"version\":\"4593.2.5\"}");
        }
        Version version = Version.tryParse(versionText).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        ChannelBoard board = boards.lock(channel);
        Release release = releases.lock(version).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        requirePublishable(channel, release);
        Instant now = clock.instant();
        Release.Change published = release.publish(actor, "published in " + channel.id(), now);
        List<BoardEntry> entries = new ArrayList<>();
        Set<Version> before = currents(board);
        for (String arch : release.arches()) {
            ChannelBoard.Change change = board.publish(arch, published.release(), actor, "published", now);
            board = change.board();
            entries.addAll(change.entries());
        }
        releases.record(version, published.transition());
        boards.append(channel, entries);
        supersedeNoLongerCurrent(before, board, actor, "superseded by " + version, now);
        outbox.append(new ReleasePublished(version.toString(), channel.id(), release.arches(), now));
        return board;
    }

    /** Points {@code arch} (every arch with a current release when empty) back to its previous release. */
    @Transactional
    public ChannelBoard rollback(Channel channel, Optional<String> arch, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(Kind.INVALID, "invalid-rollback", "reason is required: say why the channel goes back");
        }
        ChannelBoard board = boards.lock(channel);
        List<String> arches = arch.map(List::of).orElseGet(() -> board.history().stream().map(BoardEntry::arch).distinct()
                .filter(a -> board.current(a).isPresent()).toList());
        if (arches.isEmpty()) {
            throw new DomainException(Kind.CONFLICT, "no-rollback-target", channel.id() + " has no current release to roll back");
        }
        Instant now = clock.instant();
        Set<Version> before = currents(board);
        ChannelBoard after = board;
        List<BoardEntry> entries = new ArrayList<>();
        for (String a : arches) {
            ChannelBoard.Change change = after.rollback(a, actor, reason, now);
            after = change.board();
            entries.addAll(change.entries());
        }
        boards.append(channel, entries);
        for (BoardEntry entry : entries) {
            reinstate(entry.version(), actor, reason, now);
            outbox.append(new ReleaseRolledBack(channel.id(), entry.arch(), board.current(entry.arch()).map(Version::toString)
                    .orElse(null), entry.version().toString(), reason, actor, now));
        }
        supersedeNoLongerCurrent(before, after, actor, "rolled back: " + reason, now);
        return after;
    }

    private void requirePublishable(Channel channel, Release release) {
        if (release.channel() != channel) {
            throw new DomainException(Kind.ILLEGAL, "wrong-channel", release.version() + " is a " + release.channel().id()
                    + " release (its minor), not " + channel.id());
        }
        if (release.state() != ReleaseState.READY) {
            throw new DomainException(Kind.CONFLICT, "release-not-ready", release.version() + " is " + release.state().id()
                    + "; only a ready release, whose gates hold, is published");
        }
        if (!gates.evaluate(release).holds()) {
            throw new DomainException(Kind.CONFLICT, "gates-not-holding", "the gates of " + release.version()
                    + " no longer hold; see /api/v1/releases/" + release.version() + "/gates");
        }
    }

    private void reinstate(Version version, String actor, String reason, Instant now) {
        Release target = releases.lock(version).orElseThrow();
        if (target.state() == ReleaseState.SUPERSEDED) {
            releases.record(version, target.reinstate(actor, "current again: " + reason, now).transition());
        }
    }

    /** A published release that is current on no arch any more is superseded. */
    private void supersedeNoLongerCurrent(Set<Version> before, ChannelBoard after, String actor, String reason, Instant now) {
        Set<Version> still = currents(after);
        for (Version old : before) {
            if (!still.contains(old)) {
                Release release = releases.lock(old).orElseThrow();
                if (release.state() == ReleaseState.PUBLISHED) {
                    releases.record(old, release.supersede(actor, reason, now).transition());
                }
            }
        }
    }

    private static Set<Version> currents(ChannelBoard board) {
        Set<Version> out = new LinkedHashSet<>();
        board.history().stream().map(BoardEntry::arch).distinct().forEach(a -> board.current(a).ifPresent(out::add));
        return out;
    }
}
