/** Kiln's event contract: CloudEvent types, their Kafka topics and one record per event's data. */
package dev.kiln.events;
