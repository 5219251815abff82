/** Live updates: build and release events read from Kafka, fanned out to browsers over server-sent events. */
package dev.kiln.console.live;
