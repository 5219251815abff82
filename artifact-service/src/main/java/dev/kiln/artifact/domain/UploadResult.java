package dev.kiln.artifact.domain;

/**
 * The outcome of an upload: what was indexed, or, when another writer published the same path right after,
 * {@code superseded} with this upload's own digests (its bytes were visible and then replaced).
 */
public record UploadResult(CachePath path, Digests digests, boolean superseded) {
}
