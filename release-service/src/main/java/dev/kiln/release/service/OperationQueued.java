package dev.kiln.release.service;

/** A channel operation was recorded inside another transaction (autoPublish, autoRollback); run it once that commits. */
public record OperationQueued(long id) {
}
