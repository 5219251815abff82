package dev.kiln.artifact.domain;

/**
 * Where a file sits in Flatcar's cache layout: its area (top-level directory), the version it belongs to
 * in {@code +} form (null outside a version directory) and its architecture (null when the area has none).
 */
public record CacheLocation(String area, String version, String arch) {
}
