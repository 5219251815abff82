package dev.kiln.release.domain.promotion;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One release request as it is carried out, immutable: each change returns a new value. {@code ask} is what was
 * asked for; {@code source} the release it starts from (a promotion's {@code from}, the release a patch follows;
 * empty for a new major); {@code tag} the version version-service allocated; {@code buildId} build-runner's build;
 * {@code buildOutcome} how that build ended once known; {@code buildStopped} whether the build of a cancelled
 * request was cancelled in build-runner; {@code queuedBehind} the request it waits behind while queued. The state
 * is the last entry of {@code history}.
 */
public record PromotionRequest(String id, ReleaseRequest ask, Optional<Version> source, List<String> arches,
        List<String> vendors, String requestedBy, Optional<Tag> tag, Optional<String> buildId,
        Optional<BuildOutcome> buildOutcome, boolean buildStopped, Optional<String> queuedBehind, List<HistoryEntry> history) {

    /** Asked to cancel a request that has ended. */
    public static final String FINISHED = "promotion-finished";

    public PromotionRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(source, "source");
        arches = List.copyOf(arches);
        vendors = List.copyOf(vendors);
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(buildOutcome, "buildOutcome");
        Objects.requireNonNull(queuedBehind, "queuedBehind");
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("request " + id + " has no history");
        }
        if ((ask instanceof ReleaseRequest.NewMajor) == source.isPresent()) {
            throw new IllegalArgumentException("request " + id + ": a new major has no source release, the others have one");
        }
    }

    /** A new request in its first state ({@code queued} or {@code versioning}). */
    public static PromotionRequest open(String id, ReleaseRequest ask, Optional<Version> source, List<String> arches,
            List<String> vendors, String requestedBy, RequestState first, Optional<String> queuedBehind, String reason,
            Instant at) {
        if (first != RequestState.QUEUED && first != RequestState.VERSIONING) {
            throw new IllegalArgumentException("a request starts queued or versioning, not " + first);
        }
        return new PromotionRequest(id, ask, source, arches, vendors, requestedBy, Optional.empty(), Optional.empty(),
                Optional.empty(), false, queuedBehind, List.of(new HistoryEntry(first, requestedBy, reason, at)));
    }

    public RequestState state() {
        return history.getLast().state();
    }

    /** Why it is in its state. */
    public String reason() {
        return history.getLast().reason();
    }

    public Instant createdAt() {
        return history.getFirst().at();
    }

    public Instant updatedAt() {
        return history.getLast().at();
    }

    public Lane lane() {
        return ask.lane();
    }

    public Channel channel() {
        return ask.channel();
    }

    /** The lane's major, or the allocated version's for a new major; empty for a new major before allocation. */
    public Optional<Integer> major() {
        return lane().major().isPresent() ? Optional.of(lane().major().getAsInt()) : version().map(Version::major);
    }

    public Optional<Version> version() {
        return tag.map(Tag::version);
    }

    /** Moved to {@code to}; throws when the state table forbids it. */
    public PromotionRequest moveTo(RequestState to, String actor, String reason, Instant at) {
        if (!state().canMoveTo(to)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "illegal-promotion-transition", "request " + id + " is "
                    + state() + " and cannot become " + to);
        }
        List<HistoryEntry> next = new ArrayList<>(history);
        next.add(new HistoryEntry(to, actor, reason, at.isBefore(updatedAt()) ? updatedAt() : at));
        return new PromotionRequest(id, ask, source, arches, vendors, requestedBy, tag, buildId, buildOutcome, buildStopped,
                to == RequestState.QUEUED ? queuedBehind : Optional.empty(), next);
    }

    /** Cancelled by {@code actor}; a finished request cannot be. */
    public PromotionRequest cancel(String actor, String reason, Instant at) {
        if (state().finished()) {
            throw new DomainException(DomainException.Kind.CONFLICT, FINISHED, "request " + id + " is " + state()
                    + " already; only an open request can be cancelled");
        }
        return moveTo(RequestState.CANCELLED, actor, reason, at);
    }

    public PromotionRequest withTag(Tag allocated) {
        return new PromotionRequest(id, ask, source, arches, vendors, requestedBy, Optional.of(allocated), buildId,
                buildOutcome, buildStopped, queuedBehind, history);
    }

    public PromotionRequest withBuild(String started) {
        return new PromotionRequest(id, ask, source, arches, vendors, requestedBy, tag, Optional.of(started), buildOutcome,
                buildStopped, queuedBehind, history);
    }

    public PromotionRequest withBuildOutcome(BuildOutcome outcome) {
        return new PromotionRequest(id, ask, source, arches, vendors, requestedBy, tag, buildId, Optional.of(outcome),
                buildStopped, queuedBehind, history);
    }

    public PromotionRequest withBuildStopped() {
        return new PromotionRequest(id, ask, source, arches, vendors, requestedBy, tag, buildId, buildOutcome, true,
                queuedBehind, history);
    }

    public PromotionRequest behind(String ahead) {
        return new PromotionRequest(id, ask, source, arches, vendors, requestedBy, tag, buildId, buildOutcome, buildStopped,
                Optional.of(ahead), history);
    }
}
