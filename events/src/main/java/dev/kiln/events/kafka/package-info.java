/** Reading Kiln's binary-mode CloudEvents from Kafka records, for Kiln's services and for downstream consumers. */
package dev.kiln.events.kafka;
