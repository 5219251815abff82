package dev.kiln.artifact.domain;

/** A filter on the index; null fields match everything. {@code version} is in {@code +} form. */
public record ArtifactQuery(String version, String area, String arch) {
}
