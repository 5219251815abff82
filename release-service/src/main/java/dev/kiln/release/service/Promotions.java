package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;
import dev.kiln.common.error.DomainException.Kind;
import dev.kiln.common.outbox.Outbox;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.promotion.BuildOutcome;
import dev.kiln.release.domain.promotion.Decision;
import dev.kiln.release.domain.promotion.OpenRequest;
import dev.kiln.release.domain.promotion.PromotionRequest;
import dev.kiln.release.domain.promotion.PromotionRules;
import dev.kiln.release.domain.promotion.PromotionStore;
import dev.kiln.release.domain.promotion.PromotionStore.RequestPage;
import dev.kiln.release.domain.promotion.PromotionView;
import dev.kiln.release.domain.promotion.ReleaseRequest;
import dev.kiln.release.domain.promotion.RequestState;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseStore;
import dev.kiln.release.domain.release.ReleaseStore.ReleaseFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Release requests as callers see them: asking for one (checked by {@link PromotionRules} before anything is stored;
 * it proceeds or queues in its lane), cancelling, reading; and the build outcomes build-runner announces. Every change
 * is stored with its event and then handed to the {@link PromotionEngine} for a pass.
 */
@ApplicationScoped
public class Promotions {

    public static final String NOT_FOUND = "promotion-not-found";
    private static final int MAX_REASON = 2000;

    private final PromotionStore store;
    private final ReleaseStore releases;
    private final PromotionRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<PromotionTouched> touched;

    public Promotions(PromotionStore store, ReleaseStore releases, PromotionRules rules, Outbox outbox, Clock clock,
            Event<PromotionTouched> touched) {
        this.store = store;
        this.releases = releases;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.touched = touched;
    }

    /** Checks and stores a new request; it is {@code versioning} when first in its lane, else {@code queued}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PromotionRequest create(NewPromotion in, String requestedBy) {
        NewPromotionCheck.Checked checked = NewPromotionCheck.check(in);
        ReleaseRequest ask = checked.ask();
        store.lockLane(ask.lane());
        PromotionView view = new PromotionView(allReleases(), store.open().stream()
                .map(r -> new OpenRequest(r.id(), r.lane(), r.createdAt())).toList());
        Instant now = clock.instant();
        Decision decision = rules.decide(ask, view, now);
        if (decision instanceof Decision.Refuse refuse) {
            throw refuse.exception();
        }
        Optional<Release> source = sourceOf(ask, view);
        List<String> arches = checked.arches().or(() -> source.map(Release::arches)).orElse(NewPromotionCheck.ARCHES);
        List<String> vendors = checked.vendors().or(() -> source.map(Release::vendors)).orElse(List.of());
        PromotionRequest request = switch (decision) {
            case Decision.Queue queue -> PromotionRequest.open(RequestIds.next(), ask, source.map(Release::version), arches,
                    vendors, requestedBy, RequestState.QUEUED, Optional.of(queue.behind()), "waiting behind " + queue.behind()
                            + " in its lane " + queue.lane(), now);
            default -> PromotionRequest.open(RequestIds.next(), ask, source.map(Release::version), arches, vendors, requestedBy,
                    RequestState.VERSIONING, Optional.empty(), "first in its lane " + ask.lane(), now);
        };
        store.create(request);
        outbox.append(PromotionEvents.of(request));
        touched.fire(new PromotionTouched(request.id()));
        return request;
    }

    /** Cancels an open request; its build, if one runs, is cancelled by the engine right after. */
    @Transactional
    public PromotionRequest cancel(String id, String reason, String actor) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw new DomainException(Kind.INVALID, "invalid-cancel", "reason is longer than " + MAX_REASON + " characters");
        }
        PromotionRequest request = store.lock(id).orElseThrow(() -> notFound(id));
        String why = reason == null || reason.isBlank() ? "cancelled by " + actor : reason;
        PromotionRequest cancelled = request.cancel(actor, why, clock.instant());
        store.save(cancelled);
        outbox.append(PromotionEvents.of(cancelled));
        touched.fire(new PromotionTouched(id));
        // the lane's next request may proceed now
        store.openIn(cancelled.lane()).stream().filter(r -> r.state() == RequestState.QUEUED)
                .forEach(r -> touched.fire(new PromotionTouched(r.id())));
        return cancelled;
    }

    @Transactional
    public PromotionRequest get(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** {@code state} and {@code channel} as the API spells them; null or blank for any. */
    @Transactional
    public RequestPage list(String state, String channel, int offset, int size) {
        Optional<RequestState> s = blank(state) ? Optional.empty() : Optional.of(RequestState.ofId(state).orElseThrow(() ->
                invalidFilter("state must be one of " + Arrays.stream(RequestState.values()).map(RequestState::id).toList()
                        + ", was '" + state + "'")));
        Optional<Channel> c = blank(channel) ? Optional.empty() : Optional.of(Channel.ofId(channel).orElseThrow(() ->
                invalidFilter("channel must be alpha, beta, stable or lts, was '" + channel + "'")));
        return store.list(s, c, offset, size);
    }

    /**
     * build-runner announced how a build ended: the request that started it keeps the outcome (the first one; a
     * duplicate or late event changes nothing) and gets a pass. Builds of no request are not ours.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void buildEnded(String buildId, BuildOutcome outcome) {
        store.findByBuild(buildId).flatMap(r -> store.lock(r.id())).ifPresent(request -> {
            if (request.buildOutcome().isEmpty()) {
                store.save(request.withBuildOutcome(outcome));
            }
            touched.fire(new PromotionTouched(request.id()));
        });
    }

    /** The identity that asked for the request of this build, if a request started it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> requesterOfBuild(String buildId) {
        return store.findByBuild(buildId).map(PromotionRequest::requestedBy);
    }

    /** The release a promotion starts from, or the newest release a patch follows (PromotionRules checked they exist). */
    private static Optional<Release> sourceOf(ReleaseRequest ask, PromotionView view) {
        return switch (ask) {
            case ReleaseRequest.NewMajor ignored -> Optional.empty();
            case ReleaseRequest.Promotion p -> view.release(p.from());
            case ReleaseRequest.Patch p -> view.releasesOf(p.channel(), p.major()).stream()
                    .filter(r -> r.publishedAt().isPresent()).max((a, b) -> Version.BY_NUMBER.compare(a.version(), b.version()));
        };
    }

    private List<Release> allReleases() {
        return releases.list(new ReleaseFilter(Optional.empty(), Optional.empty()), 0, Integer.MAX_VALUE).items();
    }

    static DomainException notFound(String id) {
        return new DomainException(Kind.NOT_FOUND, NOT_FOUND, "no release request '" + id + "'");
    }

    private static DomainException invalidFilter(String detail) {
        return new DomainException(Kind.INVALID, "invalid-filter", detail);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
