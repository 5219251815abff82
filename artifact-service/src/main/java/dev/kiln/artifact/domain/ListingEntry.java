package dev.kiln.artifact.domain;

import java.time.Instant;

/** One entry of a directory listing: a file with its size, or a sub-directory (size -1). */
public record ListingEntry(String name, boolean directory, Instant modified, long size) {

    public static ListingEntry file(String name, Instant modified, long size) {
        return new ListingEntry(name, false, modified, size);
    }

    public static ListingEntry directory(String name, Instant modified) {
        return new ListingEntry(name, true, modified, -1);
    }
}
