package dev.kiln.release.domain.promotion;

import dev.kiln.common.error.DomainException.Kind;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.gate.GatePolicy;
import dev.kiln.release.domain.gate.InvalidGatePolicyException;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flatcar's rules for a release request, checked before anyone is asked to allocate a version or build: a
 * promotion goes one channel forward only (alpha -> beta -> stable -> lts), from a release published in the
 * previous channel, not withdrawn, the newest release of its major there (version-service tags a promotion from
 * the newest tag only, so an older source is refused here rather than after the request was accepted), that soaked
 * there as long as the target channel's policy says, and not into a channel its major already reached (that is a
 * patch). A patch needs a release of its major that was published
 * in its channel. A legal request proceeds, or queues behind the newest open request of its lane.
 */
public final class PromotionRules {

    private final Map<Channel, GatePolicy> policies = new EnumMap<>(Channel.class);

    /** One validated policy per channel, each channel exactly once. */
    public PromotionRules(List<GatePolicy> policies) {
        for (GatePolicy policy : policies) {
            if (this.policies.put(policy.validate().channel(), policy) != null) {
                throw new InvalidGatePolicyException("two policies for " + policy.channel().id());
            }
        }
        for (Channel channel : Channel.values()) {
            if (!this.policies.containsKey(channel)) {
                throw new InvalidGatePolicyException("no policy for " + channel.id());
            }
        }
    }

    public Decision decide(ReleaseRequest request, PromotionView view, Instant now) {
        Optional<Decision.Refuse> refusal = switch (request) {
            case ReleaseRequest.NewMajor ignored -> Optional.empty();
            case ReleaseRequest.Promotion promotion -> checkPromotion(promotion, view, now);
            case ReleaseRequest.Patch patch -> checkPatch(patch, view);
        };
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Lane lane = request.lane();
        return view.lastOpenIn(lane).<Decision>map(open -> new Decision.Queue(lane, open.id()))
                .orElseGet(() -> new Decision.Proceed(lane));
    }

    private Optional<Decision.Refuse> checkPromotion(ReleaseRequest.Promotion promotion, PromotionView view, Instant now) {
        Channel from = promotion.from().channel();
        if (!promotion.from().official() || from == null) {
            return refuse(Kind.INVALID, "invalid-promotion-source", promotion.from() + " is not a release version MMMM.m.p");
        }
        Optional<Decision.Refuse> path = checkPath(from, promotion.to());
        if (path.isPresent()) {
            return path;
        }
        Optional<Release> found = view.release(promotion.from());
        if (found.isEmpty()) {
            return refuse(Kind.NOT_FOUND, "unknown-release", "no release " + promotion.from() + " is known");
        }
        Release source = found.get();
        if (source.state() == ReleaseState.WITHDRAWN) {
            return refuse(Kind.ILLEGAL, "source-withdrawn", source.version() + " was withdrawn and is never promoted");
        }
        if (!source.state().wasPublished()) {
            return refuse(Kind.ILLEGAL, "source-not-published", source.version() + " is " + source.state().id()
                    + "; only a release published in " + from.id() + " can be promoted");
        }
        Optional<Release> newer = view.releasesOf(from, source.version().major()).stream()
                .filter(r -> Version.BY_NUMBER.compare(r.version(), source.version()) > 0)
                .max(Comparator.comparing(Release::version, Version.BY_NUMBER));
        if (newer.isPresent()) {
            return refuse(Kind.ILLEGAL, "source-not-newest", source.version() + " is not the newest " + from.id()
                    + " release of major " + source.version().major() + ": " + newer.get().version() + " ("
                    + newer.get().state().id() + ") is, and a promotion starts from the newest tag of its channel; "
                    + "promote that one, or make a patch release in " + from.id() + " first");
        }
        if (view.releasesOf(promotion.to(), source.version().major()).stream().anyMatch(r -> r.state() != ReleaseState.REJECTED)) {
            return refuse(Kind.CONFLICT, "already-promoted", "major " + source.version().major() + " is already in "
                    + promotion.to().id() + "; ask for a patch there instead");
        }
        return checkSoak(source, policies.get(promotion.to()).minimumSoak(), now);
    }

    private static Optional<Decision.Refuse> checkPath(Channel from, Channel to) {
        Optional<Channel> next = from.next();
        if (next.isEmpty() || to.ordinal() <= from.ordinal()) {
            return refuse(Kind.ILLEGAL, "promotion-not-forward", "a release of " + from.id() + " cannot be promoted to "
                    + to.id() + next.map(n -> "; its next channel is " + n.id()).orElse("; lts is the last channel"));
        }
        if (to != next.get()) {
            return refuse(Kind.ILLEGAL, "promotion-skips-channel", "a release of " + from.id() + " goes to "
                    + next.get().id() + " before " + to.id());
        }
        return Optional.empty();
    }

    private static Optional<Decision.Refuse> checkSoak(Release source, Duration minimum, Instant now) {
        // wasPublished() guarantees a publish entry in the history
        Instant soakedSince = source.publishedAt().orElseThrow();
        Duration remaining = minimum.minus(Duration.between(soakedSince, now));
        if (remaining.isPositive()) {
            return refuse(Kind.ILLEGAL, "soak-not-met", source.version() + " soaked " + Duration.between(soakedSince, now)
                    + " of " + minimum + " in " + source.channel().id() + "; " + remaining + " left");
        }
        return Optional.empty();
    }

    /**
     * A withdrawn release still counts as published here: a patch is exactly how its channel gets a fixed release
     * of that major.
     */
    private static Optional<Decision.Refuse> checkPatch(ReleaseRequest.Patch patch, PromotionView view) {
        boolean published = view.releasesOf(patch.channel(), patch.major()).stream().anyMatch(r -> r.publishedAt().isPresent());
        if (!published) {
            return refuse(Kind.ILLEGAL, "nothing-to-patch", "no release of major " + patch.major() + " was published in "
                    + patch.channel().id() + "; promote one there first");
        }
        return Optional.empty();
    }

    private static Optional<Decision.Refuse> refuse(Kind kind, String slug, String detail) {
        return Optional.of(new Decision.Refuse(kind, slug, detail));
    }
}
