package dev.kiln.common.testapp;

import dev.kiln.events.EventType;
import dev.kiln.events.KilnEvent;

/** A test-only event whose topic is chosen per instance, to publish to topics that do not exist yet. */
public record ProbeEvent(String id, String topicName) implements KilnEvent {

    @Override
    public EventType<ProbeEvent> eventType() {
        return new EventType<>("dev.kiln.probe.sent.v1", topicName, ProbeEvent.class);
    }

    @Override
    public String key() {
        return id;
    }
}
