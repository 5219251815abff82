package dev.kiln.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of event data: ISO-8601 instants, unknown fields ignored on read so that a consumer of
 * a {@code .v1} type keeps working when the producer adds fields.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(KilnEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.eventType().name(), e);
        }
    }

    public static <T extends KilnEvent> T read(String json, EventType<T> type) {
        try {
            return MAPPER.readValue(json, type.dataClass());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("data is not a valid " + type.name() + ": " + e.getOriginalMessage(), e);
        }
    }
}
