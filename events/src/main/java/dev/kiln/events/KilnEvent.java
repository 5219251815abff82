package dev.kiln.events;

/**
 * The data of one Kiln CloudEvent. Implementations are records whose components are the JSON fields.
 * Methods here carry no "get" prefix so that Jackson never writes them into the data.
 */
public interface KilnEvent {

    /** The CloudEvent type this record is the data of. */
    EventType<?> eventType();

    /** The Kafka record key: the aggregate (version tag, build id) whose events must stay ordered. */
    String key();
}
