package dev.kiln.release.service;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.ReleasePublished;
import dev.kiln.events.ReleaseRolledBack;
import dev.kiln.events.ReleaseWithdrawn;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.BoardEntry;
import dev.kiln.release.domain.channel.BoardStore;
import dev.kiln.release.domain.channel.ChannelBoard;
import dev.kiln.release.domain.channel.ChannelOperation;
import dev.kiln.release.domain.channel.ChannelOperation.State;
import dev.kiln.release.domain.channel.ChannelStorage.StoredFile;
import dev.kiln.release.domain.channel.LtsStreams;
import dev.kiln.release.domain.channel.OperationStore;
import dev.kiln.release.domain.publication.FeedEntry;
import dev.kiln.release.domain.publication.MajorSoftware;
import dev.kiln.release.domain.publication.PackageList;
import dev.kiln.release.domain.publication.PublicationRecords;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import dev.kiln.release.domain.release.ReleaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second half of a channel operation, once its storage calls are done: board entries, release states, what the
 * feeds need and the event, in one transaction, and only if the operation is still pending (so a second runner, or
 * a sweep after a crash, commits nothing twice).
 */
@ApplicationScoped
public class OperationCommits {

    /** What the storage calls of a publication found, per arch. */
    public record Findings(Map<String, List<StoredFile>> files, Map<String, PackageList> packages) {
        static Findings none() {
            return new Findings(Map.of(), Map.of());
        }
    }

    private final ReleaseStore releases;
    private final BoardStore boards;
    private final OperationStore operations;
    private final PublicationRecords records;
    private final Outbox outbox;
    private final Clock clock;

    public OperationCommits(ReleaseStore releases, BoardStore boards, OperationStore operations, PublicationRecords records,
            Outbox outbox, Clock clock) {
        this.releases = releases;
        this.boards = boards;
        this.operations = operations;
        this.records = records;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Commits {@code id}; false when it was not pending any more, or was abandoned because its release moved meanwhile. */
    @Transactional
    public boolean commit(long id, Findings findings) {
        ChannelOperation op = operations.find(id).orElseThrow();
        ChannelBoard board = boards.lock(op.channel());
        op = operations.lock(id).orElseThrow();
        if (op.state() != State.PENDING) {
            return false;
        }
        Instant now = clock.instant();
        boolean committed = switch (op.kind()) {
            case PUBLISH -> publish(op, board, findings, now);
            case ROLLBACK -> rollback(op, board, now);
            case WITHDRAW -> withdraw(op, board, now);
        };
        operations.moveTo(id, committed ? State.COMMITTED : State.ABANDONED, committed ? null : "the release moved meanwhile", now);
        return committed;
    }

    private boolean publish(ChannelOperation op, ChannelBoard board, Findings findings, Instant now) {
        Version version = op.version().orElseThrow();
        Release release = releases.lock(version).orElseThrow();
        if (release.state() != ReleaseState.READY) {
            return false;
        }
        Release.Change published = release.publish(op.actor(), op.reason(), ChannelOperations.later(now, release));
        Set<Version> before = currents(board);
        List<BoardEntry> entries = new ArrayList<>();
        ChannelBoard after = board;
        for (String arch : release.arches()) {
            ChannelBoard.Change change = after.publish(arch, published.release(), op.actor(), "published", now);
            after = change.board();
            entries.addAll(change.entries());
        }
        releases.record(version, published.transition());
        boards.append(op.channel(), entries);
        supersedeNoLongerCurrent(before, after, op.actor(), "superseded by " + version, now);
        records.record(new FeedEntry(version, op.channel(), release.arches(), now,
                MajorSoftware.of(findings.packages().values()), ""), findings.files(), findings.packages());
        if (op.channel() == Channel.LTS) {
            records.recordLtsYear(version.major(), LtsStreams.yearOf(version.major(), records.ltsYears(), op.createdAt()));
        }
        outbox.append(new ReleasePublished(version.toString(), op.channel().id(), release.arches(), now));
        return true;
    }

    private boolean rollback(ChannelOperation op, ChannelBoard board, Instant now) {
        Set<Version> before = currents(board);
        ChannelBoard after = board;
        List<BoardEntry> entries = new ArrayList<>();
        for (String arch : op.arches()) {
            ChannelBoard.Change change = after.rollback(arch, op.actor(), op.reason(), now);
            after = change.board();
            entries.addAll(change.entries());
        }
        boards.append(op.channel(), entries);
        for (BoardEntry entry : entries) {
            reinstate(entry.version(), op.actor(), op.reason(), now);
            outbox.append(new ReleaseRolledBack(op.channel().id(), entry.arch(), board.current(entry.arch()).map(Version::toString)
                    .orElse(null), entry.version().toString(), op.reason(), op.actor(), now));
        }
        supersedeNoLongerCurrent(before, after, op.actor(), "rolled back: " + op.reason(), now);
        return true;
    }

    private boolean withdraw(ChannelOperation op, ChannelBoard board, Instant now) {
        Version version = op.version().orElseThrow();
        Release release = releases.lock(version).orElseThrow();
        if (!release.state().wasPublished()) {
            return false;
        }
        ChannelBoard.Change change = board.withdraw(version, op.actor(), op.reason(), now);
        boards.append(op.channel(), change.entries());
        releases.record(version, release.withdraw(op.actor(), op.reason(), ChannelOperations.later(now, release)).transition());
        Map<String, String> currentAfter = new LinkedHashMap<>();
        for (BoardEntry entry : change.entries()) {
            currentAfter.put(entry.arch(), entry.current().map(Version::toString).orElse(null));
            entry.current().filter(v -> !board.current(entry.arch()).equals(entry.current()))
                    .ifPresent(v -> reinstate(v, op.actor(), version + " withdrawn", now));
        }
        outbox.append(new ReleaseWithdrawn(version.toString(), op.channel().id(), currentAfter, op.reason(), op.actor(), now));
        return true;
    }

    private void reinstate(Version version, String actor, String reason, Instant now) {
        Release target = releases.lock(version).orElseThrow();
        if (target.state() == ReleaseState.SUPERSEDED) {
            releases.record(version, target.reinstate(actor, "current again: " + reason, ChannelOperations.later(now, target))
                    .transition());
        }
    }

    /** A published release that is current on no arch any more is superseded. */
    private void supersedeNoLongerCurrent(Set<Version> before, ChannelBoard after, String actor, String reason, Instant now) {
        Set<Version> still = currents(after);
        for (Version old : before) {
            if (!still.contains(old)) {
                Release release = releases.lock(old).orElseThrow();
                if (release.state() == ReleaseState.PUBLISHED) {
                    releases.record(old, release.supersede(actor, reason, ChannelOperations.later(now, release)).transition());
                }
            }
        }
    }

    private static Set<Version> currents(ChannelBoard board) {
        Set<Version> out = new LinkedHashSet<>();
        ChannelOperations.currentArches(board).forEach(a -> board.current(a).ifPresent(out::add));
        return out;
    }
}
