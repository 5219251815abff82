/** Consuming Kiln's CloudEvents from Kafka exactly once per consumer, by remembering processed event ids. */
package dev.kiln.common.inbox;
