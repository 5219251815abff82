package dev.kiln.common.outbox;

/** CDI event fired when a row joins the outbox; observed after commit to wake the relay at once. */
public record OutboxAppended(String eventId) {
}
