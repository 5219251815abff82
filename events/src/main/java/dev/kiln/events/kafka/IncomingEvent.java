package dev.kiln.events.kafka;

import dev.kiln.events.EventJson;
import dev.kiln.events.EventType;
import dev.kiln.events.KilnEvent;
import java.time.Instant;

/** A CloudEvent read from Kafka: its attributes and its JSON data. */
public record IncomingEvent(
        String id, String type, String source, String subject, Instant time, String key, String data) {

    public boolean is(EventType<?> eventType) {
        return eventType.name().equals(type);
    }

    /** The data as the record of {@code eventType}; the caller checked {@link #is(EventType)}. */
    public <T extends KilnEvent> T dataAs(EventType<T> eventType) {
        if (!is(eventType)) {
            throw new IllegalArgumentException("event " + id + " is a " + type + ", not a " + eventType.name());
        }
        return EventJson.read(data, eventType);
    }
}
