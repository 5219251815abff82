/** Transactional outbox: events are written with the state change and relayed to Kafka as CloudEvents. */
package dev.kiln.common.outbox;
