package dev.kiln.release.service;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.release.config.ReleaseConfig;
import dev.kiln.release.domain.gate.GateReport;
import dev.kiln.release.domain.promotion.AllocatedVersion;
import dev.kiln.release.domain.promotion.BuildRunner;
import dev.kiln.release.domain.promotion.BuildStatus;
import dev.kiln.release.domain.promotion.CallFailedException;
import dev.kiln.release.domain.promotion.Decision;
import dev.kiln.release.domain.promotion.PromotionReconciler;
import dev.kiln.release.domain.promotion.PromotionReconciler.Situation;
import dev.kiln.release.domain.promotion.PromotionReconciler.Step;
import dev.kiln.release.domain.promotion.PromotionRequest;
import dev.kiln.release.domain.promotion.PromotionRules;
import dev.kiln.release.domain.promotion.PromotionStore;
import dev.kiln.release.domain.promotion.PromotionView;
import dev.kiln.release.domain.promotion.RequestState;
import dev.kiln.release.domain.promotion.VersionAllocator;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import dev.kiln.release.domain.release.ReleaseStore;
import dev.kiln.release.domain.release.ReleaseStore.ReleaseFilter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Carries out what {@link PromotionReconciler} decides, one step at a time, until the request waits: a decision and
 * the transition it makes commit together with their event (the request's row locked); calls to version-service and
 * build-runner happen between transactions, never under a lock, and their answers are stored in a transaction of
 * their own only if the request still needs them. Every call is idempotent by the request's key, so a crash between
 * a call and the storing of its answer is repaired by the next pass making the same call again. A build whose end no
 * event announced within {@code kiln.release.build-event-wait} is asked about.
 */
@ApplicationScoped
public class PromotionEngine {

    static final String ACTOR = "promotion-engine";
    private static final Logger LOG = Logger.getLogger(PromotionEngine.class);
    private static final int MAX_STEPS = 16;

    private final PromotionStore store;
    private final ReleaseStore releases;
    private final GateKeeper gates;
    private final PromotionRules rules;
    private final VersionAllocator versions;
    private final BuildRunner builds;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<PromotionTouched> touched;
    private final BuildEnds ends;
    private final ReleaseConfig config;

    public PromotionEngine(PromotionStore store, ReleaseStore releases, GateKeeper gates, PromotionRules rules,
            VersionAllocator versions, BuildRunner builds, Outbox outbox, Clock clock, Event<PromotionTouched> touched,
            BuildEnds ends, ReleaseConfig config) {
        this.store = store;
        this.releases = releases;
        this.gates = gates;
        this.rules = rules;
        this.versions = versions;
        this.builds = builds;
        this.outbox = outbox;
        this.clock = clock;
        this.touched = touched;
        this.ends = ends;
        this.config = config;
    }

    /** Moves one request as far as it goes now; returns its state afterwards (empty for an unknown id). */
    public Optional<RequestState> advance(String id) {
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<Decided> decided = QuarkusTransaction.requiringNew().call(() -> decide(id));
            if (decided.isEmpty()) {
                return Optional.empty();
            }
            if (!carryOut(decided.get())) {
                return Optional.of(decided.get().request().state());
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> store.find(id).map(PromotionRequest::state));
    }

    /** A decision and the request as it was stored after it. */
    private record Decided(PromotionRequest request, Step step) {
    }

    private Optional<Decided> decide(String id) {
        Optional<PromotionRequest> found = store.lock(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PromotionRequest request = found.get();
        boolean queued = request.state() == RequestState.QUEUED;
        if (queued) {
            store.lockLane(request.lane());
        }
        Optional<Release> release = request.version().flatMap(releases::find);
        Optional<GateReport> report = release.filter(r -> r.state() == ReleaseState.CANDIDATE).map(gates::evaluate);
        Situation situation = new Situation(request, queued ? store.openIn(request.lane()) : List.of(),
                queued ? refusal(request) : Optional.empty(), release, report, clock.instant(), config.buildEventWait());
        Step step = PromotionReconciler.next(situation);
        if (step instanceof Step.Move move) {
            return Optional.of(new Decided(move(request, move.to(), move.reason()), step));
        }
        if (step instanceof Step.WaitBehind behind) {
            PromotionRequest waiting = request.behind(behind.ahead());
            store.save(waiting);
            return Optional.of(new Decided(waiting, step));
        }
        return Optional.of(new Decided(request, step));
    }

    /** Returns true when the request may move on at once (ask again), false when it waits. */
    private boolean carryOut(Decided decided) {
        PromotionRequest request = decided.request();
        return switch (decided.step()) {
            case Step.Wait ignored -> false;
            case Step.WaitBehind ignored -> false;
            case Step.Move ignored -> true;
            case Step.AllocateVersion allocate -> call(request, "version-service", () -> {
                AllocatedVersion version = versions.allocate(allocate.request(), allocate.idempotencyKey());
                update(request.id(), r -> r.tag().isEmpty() ? r.withTag(version.tag()) : r);
            });
            case Step.StartBuild start -> call(request, "build-runner", () -> {
                String buildId = builds.start(start.order(), start.idempotencyKey());
                update(request.id(), r -> r.buildId().isPresent() ? r : r.withBuild(buildId));
            });
            case Step.CheckBuild check -> checkBuild(request, check.buildId());
            case Step.StopBuild stop -> call(request, "build-runner", () -> {
                builds.cancel(stop.buildId(), stop.reason());
                update(request.id(), PromotionRequest::withBuildStopped);
            });
        };
    }

    /**
     * Makes a call; a refusal (a 4xx) fails a request still versioning, and ends the attempts to stop the build of a
     * cancelled one; anything else waits for the next pass (a sweep, or the next event).
     */
    private boolean call(PromotionRequest request, String service, Runnable call) {
        try {
            call.run();
            return true;
        } catch (CallFailedException e) {
            if (!e.permanent()) {
                LOG.warnf("release request %s: %s is unavailable, the next pass tries again: %s", request.id(), service,
                        e.getMessage());
                return false;
            }
            LOG.errorf("release request %s: %s refused: %s", request.id(), service, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> store.lock(request.id()).ifPresent(r -> {
                if (r.state() == RequestState.VERSIONING) {
                    move(r, RequestState.FAILED, service + " refused: " + e.getMessage());
                } else if (r.state() == RequestState.CANCELLED && !r.buildStopped()) {
                    // asking again cannot help; the build runs to its end in build-runner
                    store.save(r.withBuildStopped());
                }
            }));
            return true;
        }
    }

    /**
     * Asks build-runner about a build whose end no event announced in time; an ended build is taken as its event
     * would have been ({@link BuildEnds}). Returns true when there is news to decide on.
     */
    private boolean checkBuild(PromotionRequest request, String buildId) {
        Optional<BuildStatus> status;
        try {
            status = builds.find(buildId);
        } catch (CallFailedException e) {
            LOG.warnf("release request %s: cannot ask build-runner about build %s now, the next pass tries again: %s",
                    request.id(), buildId, e.getMessage());
            return false;
        }
        if (status.isEmpty()) {
            LOG.warnf("release request %s: build-runner does not know its build %s", request.id(), buildId);
            return false;
        }
        if (status.get().outcome().isEmpty()) {
            return false;
        }
        LOG.infof("release request %s: no event announced the end of build %s; build-runner says %s", request.id(), buildId,
                status.get().outcome().get().result());
        QuarkusTransaction.requiringNew().run(() -> ends.reported(status.get()));
        return true;
    }

    private PromotionRequest move(PromotionRequest request, RequestState to, String reason) {
        PromotionRequest moved = request.moveTo(to, ACTOR, reason, clock.instant());
        store.save(moved);
        outbox.append(PromotionEvents.of(moved));
        if (to.finished()) {
            wakeLane(moved);
        }
        return moved;
    }

    /** The queued requests of a lane get a pass when one of it finished. */
    private void wakeLane(PromotionRequest finished) {
        store.openIn(finished.lane()).stream().filter(r -> r.state() == RequestState.QUEUED)
                .forEach(r -> touched.fire(new PromotionTouched(r.id())));
    }

    private void update(String id, UnaryOperator<PromotionRequest> change) {
        QuarkusTransaction.requiringNew().run(() -> store.lock(id).ifPresent(request -> {
            PromotionRequest changed = change.apply(request);
            if (changed != request) {
                store.save(changed);
            }
        }));
    }

    private Optional<Decision.Refuse> refusal(PromotionRequest request) {
        List<Release> all = releases.list(new ReleaseFilter(Optional.empty(), Optional.empty()), 0, Integer.MAX_VALUE).items();
        Decision decision = rules.decide(request.ask(), new PromotionView(all, List.of()), clock.instant());
        return decision instanceof Decision.Refuse refuse ? Optional.of(refuse) : Optional.empty();
    }
}
