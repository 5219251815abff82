package dev.kiln.release.domain.promotion;

import dev.kiln.flatcar.Tag;

/** The version version-service allocated for a request, by its tag ({@code beta-4790.1.0}). */
public record AllocatedVersion(Tag tag) {
}
