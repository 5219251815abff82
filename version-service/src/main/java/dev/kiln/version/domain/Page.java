package dev.kiln.version.domain;

import java.util.List;

/** One page of allocations, newest first; {@code total} counts all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
