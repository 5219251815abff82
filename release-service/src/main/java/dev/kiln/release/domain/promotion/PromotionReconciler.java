package dev.kiln.release.domain.promotion;

import dev.kiln.flatcar.VersionRequest;
import dev.kiln.release.domain.gate.GateProgress;
import dev.kiln.release.domain.gate.GateReport;
import dev.kiln.release.domain.gate.Requirement;
import dev.kiln.release.domain.gate.Status;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules that move a release request forward, as one pure decision over what is stored: the request, the other
 * open requests of its lane, whether Flatcar's rules still allow it, its release (once built) with that release's
 * gates, how its build ended, and the time. It answers one next step; the engine carries it out and asks again, so
 * the same stored state at the same time always gives the same step, and a step repeated after a crash repeats an
 * idempotent call.
 */
public final class PromotionReconciler {

    /**
     * Everything one decision needs. {@code refusal}: what {@link PromotionRules} say now (asked for queued requests
     * only); {@code buildEventWait}: how long a building request waits for build-runner's event about the end of its
     * build before it asks build-runner itself.
     */
    public record Situation(PromotionRequest request, List<PromotionRequest> lane, Optional<Decision.Refuse> refusal,
            Optional<Release> release, Optional<GateReport> gates, Instant now, Duration buildEventWait) {

        public Situation {
            lane = List.copyOf(lane);
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(buildEventWait, "buildEventWait");
        }
    }

    /** The next step for one request. */
    public sealed interface Step {
        /** Nothing to do until something changes. */
        record Wait() implements Step {
        }

        /** Still queued, now directly behind {@code ahead}. */
        record WaitBehind(String ahead) implements Step {
        }

        record Move(RequestState to, String reason) implements Step {
        }

        record AllocateVersion(VersionRequest request, String idempotencyKey) implements Step {
        }

        record StartBuild(BuildOrder order, String idempotencyKey) implements Step {
        }

        /**
         * No event about the end of the build came for a while (lost, or not sent yet): ask build-runner how the build
         * is, and take its answer as the event would have been taken.
         */
        record CheckBuild(String buildId) implements Step {
        }

        /** The request was cancelled while its build ran: cancel that build too. */
        record StopBuild(String buildId, String reason) implements Step {
        }
    }

    private static final Comparator<PromotionRequest> OLDEST_FIRST =
            Comparator.comparing(PromotionRequest::createdAt).thenComparing(PromotionRequest::id);

    private PromotionReconciler() {
    }

    public static Step next(Situation situation) {
        PromotionRequest request = situation.request();
        return switch (request.state()) {
            case QUEUED -> queued(situation);
            case VERSIONING -> versioning(request);
            case BUILDING -> building(request, situation);
            case TESTING, AWAITING_APPROVAL -> situation.release().flatMap(r -> gated(request, r, situation.gates()))
                    .orElse(new Step.Wait());
            case CANCELLED -> request.buildId().isPresent() && !request.buildStopped() && request.buildOutcome().isEmpty()
                    ? new Step.StopBuild(request.buildId().get(), "release request " + request.id() + " cancelled: "
                            + request.reason())
                    : new Step.Wait();
            case PUBLISHED, FAILED -> new Step.Wait();
        };
    }

    /**
     * A queued request proceeds when nothing of its lane is under way and no older request of the lane waits; the
     * rules are checked again then, since the request ahead may have done what this one asks (a second promotion of
     * the same release).
     */
    private static Step queued(Situation situation) {
        PromotionRequest request = situation.request();
        List<PromotionRequest> others = situation.lane().stream().filter(o -> !o.id().equals(request.id()))
                .filter(o -> !o.state().finished()).toList();
        Optional<PromotionRequest> ahead = others.stream().filter(o -> OLDEST_FIRST.compare(o, request) < 0).max(OLDEST_FIRST);
        if (ahead.isPresent() || others.stream().anyMatch(o -> o.state() != RequestState.QUEUED)) {
            String behind = ahead.or(() -> others.stream().filter(o -> o.state() != RequestState.QUEUED).findFirst())
                    .orElseThrow().id();
            return request.queuedBehind().filter(behind::equals).isPresent() ? new Step.Wait() : new Step.WaitBehind(behind);
        }
        if (situation.refusal().isPresent()) {
            Decision.Refuse refuse = situation.refusal().get();
            return new Step.Move(RequestState.FAILED, refuse.slug() + ": " + refuse.detail());
        }
        return new Step.Move(RequestState.VERSIONING, "first in its lane " + request.lane());
    }

    private static Step versioning(PromotionRequest request) {
        if (request.tag().isEmpty()) {
            return new Step.AllocateVersion(Orders.version(request), Orders.idempotencyKey(request));
        }
        if (request.buildId().isEmpty()) {
            return new Step.StartBuild(Orders.build(request), Orders.idempotencyKey(request));
        }
        return new Step.Move(RequestState.BUILDING, "build " + request.buildId().get() + " of " + request.tag().get().name()
                + " started");
    }

    /**
     * A building request moves on with its candidate, fails with its build, or waits for the event that ends the build;
     * when that event is overdue it asks build-runner. A build that succeeded without a candidate (the build's data
     * made none: see Candidates) cannot go on.
     */
    private static Step building(PromotionRequest request, Situation situation) {
        if (situation.release().isPresent()) {
            return new Step.Move(RequestState.TESTING, "release candidate " + situation.release().get().version() + " exists");
        }
        String buildId = request.buildId().orElse("?");
        Optional<BuildOutcome> outcome = request.buildOutcome();
        if (outcome.isPresent()) {
            return new Step.Move(RequestState.FAILED, switch (outcome.get().result()) {
                case SUCCEEDED -> "build " + buildId + " succeeded but made no release candidate of "
                        + request.version().map(Object::toString).orElse("its version") + " (see release-service's log)";
                case FAILED -> "build " + buildId + " failed: " + outcome.get().reason();
                case CANCELLED -> "build " + buildId + " was cancelled: " + outcome.get().reason();
            });
        }
        Instant overdue = request.updatedAt().plus(situation.buildEventWait());
        if (request.buildId().isEmpty() || situation.now().isBefore(overdue)) {
            return new Step.Wait();
        }
        return new Step.CheckBuild(buildId);
    }

    /** Testing and awaiting approval follow the release and its gates. */
    private static Optional<Step> gated(PromotionRequest request, Release release, Optional<GateReport> gates) {
        Optional<Step.Move> target = switch (release.state()) {
            case PUBLISHED, SUPERSEDED -> Optional.of(new Step.Move(RequestState.PUBLISHED, release.version()
                    + " was published in " + release.channel().id()));
            case WITHDRAWN -> Optional.of(release.publishedAt().isPresent()
                    ? new Step.Move(RequestState.PUBLISHED, release.version() + " was published in " + release.channel().id()
                            + " (and later withdrawn)")
                    : new Step.Move(RequestState.FAILED, "release " + release.version() + " was withdrawn"));
            case REJECTED -> Optional.of(new Step.Move(RequestState.FAILED, "release " + release.version() + " was rejected: "
                    + release.history().getLast().reason()));
            case READY -> Optional.of(new Step.Move(RequestState.AWAITING_APPROVAL, "every gate holds; "
                    + release.version() + " waits to be published"));
            case CANDIDATE -> gates.map(PromotionReconciler::candidateStage);
        };
        return target.filter(move -> move.to() != request.state()).map(Step.class::cast);
    }

    private static Step.Move candidateStage(GateReport gates) {
        List<Requirement> open = gates.requirements().stream().filter(r -> !(r instanceof Requirement.Approvals))
                .filter(r -> r.status() != Status.SATISFIED).toList();
        if (open.isEmpty()) {
            return new Step.Move(RequestState.AWAITING_APPROVAL, "every gate but the approvals holds");
        }
        return new Step.Move(RequestState.TESTING, "waiting for " + open.stream().map(GateProgress::describe).toList());
    }
}
