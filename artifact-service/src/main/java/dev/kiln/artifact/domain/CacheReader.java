package dev.kiln.artifact.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the cache the way Flatcar's scripts do: objects, byte ranges and directory listings. */
@ApplicationScoped
public class CacheReader {

    private final ObjectStore store;
    private final ArtifactIndex index;

    public CacheReader(ObjectStore store, ArtifactIndex index) {
        this.store = store;
        this.index = index;
    }

    public Optional<ObjectInfo> stat(CachePath file) {
        return store.stat(file.value());
    }

    /** The selected bytes of the object {@code info} describes; the caller closes the stream. */
    public InputStream open(ObjectInfo info, ByteRange range) {
        if (range instanceof ByteRange.Partial partial) {
            return store.open(info.key(), partial.first(), partial.length(), info.etag());
        }
        return store.open(info.key(), 0, -1, info.etag());
    }

    /**
     * The listing of {@code directory}, or empty when nothing lies below it (the root always exists). A
     * sub-directory's time is the newest creation time the index knows below it.
     */
    public Optional<DirectoryListing> list(CachePath directory, String title) {
        List<ListingEntry> entries = store.list(directory.value());
        if (entries.isEmpty() && !directory.isRoot()) {
            return Optional.empty();
        }
        Map<String, Instant> times = entries.stream().anyMatch(ListingEntry::directory)
                ? index.newestBelowChildren(directory.value()) : Map.of();
        List<ListingEntry> timed = entries.stream()
                .map(e -> e.directory() ? ListingEntry.directory(e.name(), times.get(e.name())) : e)
                .toList();
        return Optional.of(new DirectoryListing(title, directory.isRoot(), timed));
    }

    /** Whether {@code file}, which is no object, names a directory (so a client should add the slash). */
    public boolean isDirectory(CachePath file) {
        return store.hasObjectsUnder(file.asDirectory().value());
    }

    public Optional<URI> presignedGet(CachePath file, Duration expiry) {
        return store.presignedGet(file.value(), expiry);
    }
}
