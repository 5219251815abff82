package dev.kiln.release.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.Transition;
import java.time.Instant;
import java.util.List;

/**
 * A release; {@code transitions} (its audit trail, oldest first) only when one release is asked for. {@code atRisk}:
 * published, and a gate was revoked since.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseResponse(String version, String tag, String channel, String state, String commit, String buildId,
        String sdkVersion, List<String> arches, List<String> vendors, String requestedBy, Instant createdAt,
        List<TransitionResponse> transitions, boolean atRisk) {

    /** {@code from} is null on the entry that created the release. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TransitionResponse(String from, String to, String actor, String reason, Instant at) {
    }

    static ReleaseResponse summary(Release r) {
        return summary(r, false);
    }

    static ReleaseResponse summary(Release r, boolean atRisk) {
        return new ReleaseResponse(r.version().toString(), r.tag().name(), r.channel().id(), r.state().id(), r.commit(),
                r.buildId(), r.sdkVersion().toString(), r.arches(), r.vendors(), r.requestedBy().orElse(null),
                r.history().getFirst().at(), null, atRisk);
    }

    static ReleaseResponse withTransitions(Release r, boolean atRisk) {
        ReleaseResponse s = summary(r, atRisk);
        return new ReleaseResponse(s.version, s.tag, s.channel, s.state, s.commit, s.buildId, s.sdkVersion, s.arches,
                s.vendors, s.requestedBy, s.createdAt, r.history().stream().map(ReleaseResponse::transition).toList(), atRisk);
    }

    private static TransitionResponse transition(Transition t) {
        return new TransitionResponse(t.from() == null ? null : t.from().id(), t.to().id(), t.actor(), t.reason(), t.at());
    }
}
