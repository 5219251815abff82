package dev.kiln.events;

import java.time.Instant;

/**
 * A release request ({@code POST /api/v1/promotions}) moved to {@code state}. One record for every state: the
 * CloudEvent type is chosen by the state ({@code dev.kiln.promotion.<state>.v1}, {@code awaiting-approval} spelled
 * {@code awaiting.approval}), so a consumer subscribes to the transitions it cares about. {@code major},
 * {@code version} and {@code buildId} are null while unknown (a new major before its version is allocated).
 */
public record PromotionStateChanged(
        String id,
        String type,
        String state,
        String channel,
        Integer major,
        String version,
        String buildId,
        String reason,
        Instant at) implements KilnEvent {

    @Override
    public EventType<PromotionStateChanged> eventType() {
        return EventCatalog.promotion(state).orElseThrow(() -> new IllegalStateException("no event type for promotion state "
                + state));
    }

    @Override
    public String key() {
        return id;
    }
}
