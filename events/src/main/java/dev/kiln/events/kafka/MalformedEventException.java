package dev.kiln.events.kafka;

/** A Kafka record that is not a valid binary-mode CloudEvent. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
