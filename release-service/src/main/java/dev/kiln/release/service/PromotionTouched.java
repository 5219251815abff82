package dev.kiln.release.service;

/** A release request changed, or something it waits on did: run a pass over it once the transaction committed. */
public record PromotionTouched(String id) {
}
