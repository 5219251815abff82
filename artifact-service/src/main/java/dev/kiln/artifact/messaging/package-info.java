/** Kafka: the events this service emits through the outbox and the version and release events it consumes. */
package dev.kiln.artifact.messaging;
