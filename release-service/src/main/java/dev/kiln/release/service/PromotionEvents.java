package dev.kiln.release.service;

import dev.kiln.events.PromotionStateChanged;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.promotion.PromotionRequest;

/** The event of the state a release request just reached. */
final class PromotionEvents {

    private PromotionEvents() {
    }

    static PromotionStateChanged of(PromotionRequest request) {
        var last = request.history().getLast();
        return new PromotionStateChanged(request.id(), request.ask().type(), last.state().id(), request.channel().id(),
                request.major().orElse(null), request.version().map(Version::toString).orElse(null),
                request.buildId().orElse(null), last.reason(), last.at());
    }
}
