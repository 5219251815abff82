/** Entry point of the Kafka broker JVM used by tests and the local stack. */
package dev.kiln.localstack.kafka;
