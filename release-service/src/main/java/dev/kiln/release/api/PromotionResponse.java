package dev.kiln.release.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.promotion.HistoryEntry;
import dev.kiln.release.domain.promotion.PromotionRequest;
import dev.kiln.release.domain.promotion.ReleaseRequest;
import dev.kiln.release.domain.promotion.RequestState;
import java.time.Instant;
import java.util.List;

/**
 * A release request: what was asked ({@code type}, {@code channel}, {@code major}, a promotion's {@code from} and
 * {@code to}), where it is ({@code state}, {@code reason}, {@code queuedBehind} while queued), what it produced
 * ({@code version}, {@code buildId}) and its whole {@code history}. Absent values are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromotionResponse(String id, String type, String state, String channel, Integer major, String from, String to,
        String version, String buildId, List<String> arches, List<String> vendors, String requestedBy, String reason,
        String queuedBehind, Instant createdAt, Instant updatedAt, List<Entry> history) {

    /** One state the request reached. */
    public record Entry(String state, Instant at, String actor, String reason) {
    }

    static PromotionResponse of(PromotionRequest r) {
        String from = r.ask() instanceof ReleaseRequest.Promotion p ? p.from().toString() : null;
        String to = r.ask() instanceof ReleaseRequest.Promotion p ? p.to().id() : null;
        return new PromotionResponse(r.id(), r.ask().type(), r.state().id(), r.channel().id(), r.major().orElse(null), from, to,
                r.version().map(Version::toString).orElse(null), r.buildId().orElse(null), r.arches(), r.vendors(),
                r.requestedBy(), r.reason(), r.state() == RequestState.QUEUED ? r.queuedBehind().orElse(null) : null,
                r.createdAt(), r.updatedAt(), r.history().stream().map(PromotionResponse::entry).toList());
    }

    private static Entry entry(HistoryEntry e) {
        return new Entry(e.state().id(), e.at(), e.actor(), e.reason());
    }
}
