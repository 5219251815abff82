package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.BoardEntry;
import dev.kiln.release.domain.channel.BoardStore;
import dev.kiln.release.domain.channel.ChannelBoard;
import dev.kiln.release.domain.channel.ChannelOperation;
import dev.kiln.release.domain.channel.ChannelOperation.State;
import dev.kiln.release.domain.channel.LtsStreams;
import dev.kiln.release.domain.channel.OperationStore;
import dev.kiln.release.domain.channel.Pointer;
import dev.kiln.release.domain.channel.PointerPlan;
import dev.kiln.release.domain.publication.PublicationRecords;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import dev.kiln.release.domain.release.ReleaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records channel operations and plans their storage calls, each in a short transaction of its own; no storage
 * call happens inside these. Requests are checked here first, so that an illegal one is refused with nothing stored.
 */
@ApplicationScoped
public class ChannelOperations {

    /** The reason columns of channel operations and transitions are varchar(2000). */
    private static final int MAX_REASON = 2000;

    private final ReleaseStore releases;
    private final BoardStore boards;
    private final OperationStore operations;
    private final PublicationRecords records;
    private final GateKeeper gates;
    private final Clock clock;

    public ChannelOperations(ReleaseStore releases, BoardStore boards, OperationStore operations, PublicationRecords records,
            GateKeeper gates, Clock clock) {
        this.releases = releases;
        this.boards = boards;
        this.operations = operations;
        this.records = records;
        this.gates = gates;
        this.clock = clock;
    }

    /** Records the publication of a ready release whose gates hold; a repeat while it is pending resumes it. */
    @Transactional
    public ChannelOperation requestPublish(Channel channel, String versionText, String actor) {
        if (versionText == null || versionText.isBlank()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-publication", "version is required, e.g. {\"version\":\"4593.2.5\"}");
        }
        Version version = Version.tryParse(versionText).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        ChannelBoard board = boards.lock(channel);
        Release release = releases.find(version).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        Optional<ChannelOperation> resumed = resumable(channel, ChannelOperation.Kind.PUBLISH, Optional.of(version));
        if (resumed.isPresent()) {
            return resumed.get();
        }
        requirePublishable(channel, release);
        publishedBoard(board, release, actor, clock.instant());
        return enqueue(ChannelOperation.requested(channel, ChannelOperation.Kind.PUBLISH, Optional.of(version), List.of(), actor,
                "published in " + channel.id(), clock.instant()));
    }

    /** Records a rollback of {@code arch} (every arch with a current release when empty). */
    @Transactional
    public ChannelOperation requestRollback(Channel channel, Optional<String> arch, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-rollback", "reason is required: say why the channel goes back");
        }
        if (reason.length() > MAX_REASON) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-rollback", "reason is longer than " + MAX_REASON + " characters");
        }
        ChannelBoard board = boards.lock(channel);
        List<String> arches = arch.map(List::of).orElseGet(() -> currentArches(board));
        if (arches.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "no-rollback-target", channel.id() + " has no current release to roll back");
        }
        rolledBackBoard(board, arches, actor, reason, clock.instant());
        return enqueue(ChannelOperation.requested(channel, ChannelOperation.Kind.ROLLBACK, Optional.empty(), arches, actor, reason,
                clock.instant()));
    }

    /** Records the withdrawal of a published (or superseded) release; a repeat while it is pending resumes it. */
    @Transactional
    public ChannelOperation requestWithdraw(String versionText, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-withdrawal", "reason is required: say why the release is taken back");
        }
        if (reason.length() > MAX_REASON) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-withdrawal", "reason is longer than " + MAX_REASON + " characters");
        }
        Version version = Version.tryParse(versionText).filter(Version::official)
                .orElseThrow(() -> new ReleaseNotFoundException(versionText));
        Release release = releases.find(version).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        Channel channel = release.channel();
        ChannelBoard board = boards.lock(channel);
        Optional<ChannelOperation> resumed = resumable(channel, ChannelOperation.Kind.WITHDRAW, Optional.of(version));
        if (resumed.isPresent()) {
            return resumed.get();
        }
        if (release.state() == ReleaseState.WITHDRAWN) {
            throw new DomainException(DomainException.Kind.GONE, "release-withdrawn", version + " is already withdrawn");
        }
        if (!release.state().wasPublished()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "release-not-published", version + " is "
                    + release.state().id() + "; only a published or superseded release is withdrawn");
        }
        board.withdraw(version, actor, reason, clock.instant());
        return enqueue(ChannelOperation.requested(channel, ChannelOperation.Kind.WITHDRAW, Optional.of(version), List.of(), actor,
                reason, clock.instant()));
    }

    /** Records a publication the policy asks for (autoPublish); empty when the channel is busy with another operation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ChannelOperation> requestAutoPublish(Release release, String actor) {
        if (operations.pending(release.channel()).isPresent()) {
            return Optional.empty();
        }
        try {
            publishedBoard(boards.load(release.channel()), release, actor, clock.instant());
        } catch (DomainException refused) {
            // e.g. older than the channel's current release: a releaser decides, not the policy
            return Optional.empty();
        }
        return operations.enqueue(ChannelOperation.requested(release.channel(), ChannelOperation.Kind.PUBLISH,
                Optional.of(release.version()), List.of(), actor, "published in " + release.channel().id() + " (autoPublish)",
                clock.instant()));
    }

    /** Records a rollback the policy asks for (autoRollback); empty when the channel is busy or nothing can go back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ChannelOperation> requestAutoRollback(Release release, String actor, String reason) {
        ChannelBoard board = boards.load(release.channel());
        List<String> arches = currentArches(board).stream()
                .filter(a -> board.current(a).filter(release.version()::equals).isPresent())
                .filter(a -> board.rollbackTarget(a).isPresent()).toList();
        if (arches.isEmpty() || operations.pending(release.channel()).isPresent()) {
            return Optional.empty();
        }
        return operations.enqueue(ChannelOperation.requested(release.channel(), ChannelOperation.Kind.ROLLBACK, Optional.empty(),
                arches, actor, reason, clock.instant()));
    }

    /**
     * The calls a pending operation still needs, and an attempt counted; empty when it is not pending. A release
     * that no longer qualifies (e.g. a gate revoked since) abandons the operation instead.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public Optional<OperationPlan> plan(long id) {
        Optional<ChannelOperation> found = operations.lock(id).filter(op -> op.state() == State.PENDING);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ChannelOperation op = found.get();
        ChannelBoard board = boards.load(op.channel());
        Map<Integer, Integer> years = records.ltsYears();
        List<Pointer> before = PointerPlan.desired(board, years);
        Instant now = clock.instant();
        try {
            OperationPlan plan = switch (op.kind()) {
                case PUBLISH -> {
                    Release release = releases.find(op.version().orElseThrow()).orElseThrow();
                    ChannelBoard after = publishedBoard(board, release, op.actor(), now);
                    Map<Integer, Integer> yearsAfter = withLtsYear(years, op, now);
                    yield new OperationPlan(op, release.arches(), PointerPlan.between(before, PointerPlan.desired(after, yearsAfter)),
                            List.of());
                }
                case ROLLBACK -> new OperationPlan(op, List.of(), PointerPlan.between(before,
                        PointerPlan.desired(rolledBackBoard(board, op.arches(), op.actor(), op.reason(), now), years)), List.of());
                case WITHDRAW -> {
                    ChannelBoard.Change change = board.withdraw(op.version().orElseThrow(), op.actor(), op.reason(), now);
                    yield new OperationPlan(op, List.of(), PointerPlan.between(before, PointerPlan.desired(change.board(), years)),
                            change.entries().stream().map(BoardEntry::arch).toList());
                }
            };
            operations.attempted(id, null, now);
            return Optional.of(plan);
        } catch (DomainException refused) {
            operations.moveTo(id, State.ABANDONED, refused.getMessage(), now);
            throw refused;
        }
    }

    /** The pointers the board calls for now, for putting the storage back after an abandoned operation. */
    @Transactional
    public List<Pointer> pointersNow(Channel channel) {
        return PointerPlan.desired(boards.load(channel), records.ltsYears());
    }

    @Transactional
    public void failed(long id, String error) {
        operations.attempted(id, error, clock.instant());
    }

    @Transactional
    public void abandon(long id, String why) {
        operations.lock(id).filter(op -> op.state() == State.PENDING)
                .ifPresent(op -> operations.moveTo(id, State.ABANDONED, why, clock.instant()));
    }

    @Transactional
    public Optional<ChannelOperation> find(long id) {
        return operations.find(id);
    }

    /** The year an LTS publication's stream has, or gets when it is the major's first. */
    Map<Integer, Integer> withLtsYear(Map<Integer, Integer> years, ChannelOperation op, Instant now) {
        if (op.channel() != Channel.LTS) {
            return years;
        }
        int major = op.version().orElseThrow().major();
        Map<Integer, Integer> out = new HashMap<>(years);
        out.put(major, LtsStreams.yearOf(major, years, op.createdAt()));
        return out;
    }

    private Optional<ChannelOperation> resumable(Channel channel, ChannelOperation.Kind kind, Optional<Version> version) {
        Optional<ChannelOperation> pending = operations.pending(channel);
        if (pending.isPresent() && pending.get().kind() == kind && pending.get().version().equals(version)) {
            return pending;
        }
        pending.ifPresent(p -> {
            throw busy(p);
        });
        return Optional.empty();
    }

    private ChannelOperation enqueue(ChannelOperation op) {
        return operations.enqueue(op).orElseThrow(() -> busy(operations.pending(op.channel()).orElse(op)));
    }

    private static DomainException busy(ChannelOperation pending) {
        return new DomainException(DomainException.Kind.CONFLICT, "channel-busy", pending.channel().id() + " has a "
                + pending.kind().id() + pending.version().map(v -> " of " + v).orElse("") + " in progress (operation "
                + pending.id() + "); try again when it is done");
    }

    private void requirePublishable(Channel channel, Release release) {
        if (release.channel() != channel) {
            throw new DomainException(DomainException.Kind.ILLEGAL, "wrong-channel", release.version() + " is a "
                    + release.channel().id() + " release (its minor), not " + channel.id());
        }
        if (release.state() != ReleaseState.READY) {
            throw new DomainException(DomainException.Kind.CONFLICT, "release-not-ready", release.version() + " is "
                    + release.state().id() + "; only a ready release, whose gates hold, is published");
        }
        if (!gates.evaluate(release).holds()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "gates-not-holding", "the gates of " + release.version()
                    + " no longer hold; see /api/v1/releases/" + release.version() + "/gates");
        }
    }

    /** The board once {@code release} is published on all its arches; refuses what the board refuses. */
    static ChannelBoard publishedBoard(ChannelBoard board, Release release, String actor, Instant now) {
        if (release.state() != ReleaseState.READY) {
            throw new DomainException(DomainException.Kind.CONFLICT, "release-not-ready", release.version() + " is "
                    + release.state().id() + "; only a ready release is published");
        }
        Release published = release.publish(actor, "published", later(now, release)).release();
        ChannelBoard after = board;
        for (String arch : release.arches()) {
            after = after.publish(arch, published, actor, "published", now).board();
        }
        return after;
    }

    static ChannelBoard rolledBackBoard(ChannelBoard board, List<String> arches, String actor, String reason, Instant now) {
        ChannelBoard after = board;
        for (String arch : arches) {
            after = after.rollback(arch, actor, reason, now).board();
        }
        return after;
    }

    static List<String> currentArches(ChannelBoard board) {
        return board.history().stream().map(BoardEntry::arch).distinct().filter(a -> board.current(a).isPresent()).toList();
    }

    static Instant later(Instant now, Release release) {
        Instant last = release.history().getLast().at();
        return now.isBefore(last) ? last : now;
    }
}
