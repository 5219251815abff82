package dev.kiln.release.service;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.KilnEvent;
import dev.kiln.events.ReleaseGateRevoked;
import dev.kiln.events.ReleaseReady;
import dev.kiln.events.ReleaseRejected;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.gate.EvidenceStore;
import dev.kiln.release.domain.gate.GateEvaluator;
import dev.kiln.release.domain.gate.GatePolicies;
import dev.kiln.release.domain.gate.GateProgress;
import dev.kiln.release.domain.gate.GateReport;
import dev.kiln.release.domain.gate.GatePolicy;
import dev.kiln.release.domain.release.GateRevocation;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.RiskRegister;
import dev.kiln.release.domain.release.ReleaseState;
import dev.kiln.release.domain.release.ReleaseStore;
import dev.kiln.release.domain.release.ReleaseStore.ReleaseFilter;
import dev.kiln.release.domain.release.Transition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a release's gates from what is stored and carries out where {@link GateProgress} says the release goes:
 * the transition and its event commit together. Level-triggered: it decides from the whole evidence each time, so
 * running it again after a redelivery or restart changes nothing.
 */
@ApplicationScoped
public class GateKeeper {

    private final GatePolicies policies;
    private final ReleaseStore releases;
    private final EvidenceStore evidence;
    private final Outbox outbox;
    private final Clock clock;
    private final RiskRegister risks;
    private final ChannelOperations operations;
    private final Event<OperationQueued> queued;

    public GateKeeper(GatePolicies policies, ReleaseStore releases, EvidenceStore evidence, Outbox outbox, Clock clock,
            RiskRegister risks, ChannelOperations operations, Event<OperationQueued> queued) {
        this.policies = policies;
        this.releases = releases;
        this.evidence = evidence;
        this.outbox = outbox;
        this.clock = clock;
        this.risks = risks;
        this.operations = operations;
        this.queued = queued;
    }

    /** The versions whose gates may still move them: candidates and ready releases. */
    @Transactional
    public List<Version> open() {
        List<Version> out = new ArrayList<>();
        for (ReleaseState state : List.of(ReleaseState.CANDIDATE, ReleaseState.READY)) {
            out.addAll(releases.list(new ReleaseFilter(Optional.empty(), Optional.of(state)), 0, Integer.MAX_VALUE).items()
                    .stream().map(Release::version).toList());
        }
        return out;
    }

    /** Settles one release in a transaction of its own; true when it moved. */
    @Transactional
    public boolean settle(Version version, String actor) {
        return releases.lock(version).map(release -> settle(release, actor) != release).orElse(false);
    }

    /** The gates as they stand now. */
    @Transactional
    public GateReport evaluate(Release release) {
        return GateEvaluator.evaluate(release, policies.of(release.channel()), evidence.reports(release.version()),
                evidence.approvals(release.version()), sourcePublishedAt(release), clock.instant());
    }

    /**
     * Evaluates and moves the release (locked by the caller) if the gates say so; {@code actor} caused the evaluation.
     * A ready release of an autoPublish channel is queued for publishing; a published one whose gate failed is marked
     * at risk (and queued for a rollback when the channel says autoRollback).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Release settle(Release release, String actor) {
        Instant now = later(clock.instant(), release);
        GateReport gates = evaluate(release);
        GatePolicy policy = policies.of(release.channel());
        revokePublished(release, gates, policy, actor, now);
        Optional<Release.Change> change = GateProgress.next(release, gates, actor, now);
        Release after = change.map(Release.Change::release).orElse(release);
        if (change.isPresent()) {
            Transition step = change.get().transition();
            releases.record(release.version(), step);
            outbox.append(eventOf(release, step));
        }
        if (after.state() == ReleaseState.READY && policy.autoPublish()) {
            operations.requestAutoPublish(after, actor).ifPresent(op -> queued.fire(new OperationQueued(op.id())));
        }
        return after;
    }

    private void revokePublished(Release release, GateReport gates, GatePolicy policy, String actor, Instant now) {
        boolean atRisk = !risks.atRisk(Set.of(release.version())).isEmpty();
        GateRevocation decision = GateRevocation.decide(release.state(), gates.verdict() == GateReport.Verdict.FAILED, atRisk,
                policy.autoRollback());
        if (decision == GateRevocation.NONE) {
            return;
        }
        String reason = GateProgress.failures(gates);
        risks.mark(release.version(), reason, now);
        outbox.append(new ReleaseGateRevoked(release.version().toString(), release.channel().id(), reason, now));
        if (decision == GateRevocation.MARK_AT_RISK_AND_ROLL_BACK) {
            operations.requestAutoRollback(release, actor, "gate revoked after publishing (autoRollback): " + reason)
                    .ifPresent(op -> queued.fire(new OperationQueued(op.id())));
        }
    }

    private static KilnEvent eventOf(Release release, Transition step) {
        String version = release.version().toString();
        String channel = release.channel().id();
        if (step.to() == ReleaseState.READY) {
            return new ReleaseReady(version, channel, release.arches(), step.reason(), step.at());
        }
        if (step.to() == ReleaseState.REJECTED) {
            return new ReleaseRejected(version, channel, step.reason(), step.actor(), step.at());
        }
        return new ReleaseGateRevoked(version, channel, step.reason(), step.at());
    }

    /** The soak clock of a promotion starts when its source, the same major in the previous channel, was published. */
    private Optional<Instant> sourcePublishedAt(Release release) {
        Channel channel = release.channel();
        if (channel == Channel.ALPHA) {
            return Optional.empty();
        }
        Channel previous = Channel.values()[channel.ordinal() - 1];
        return releases.newestPublishedAt(release.version().major(), previous);
    }

    /** A clock a little behind the last transition (another replica's) must not make the history go backwards. */
    private static Instant later(Instant now, Release release) {
        Instant last = release.history().getLast().at();
        return now.isBefore(last) ? last : now;
    }
}
