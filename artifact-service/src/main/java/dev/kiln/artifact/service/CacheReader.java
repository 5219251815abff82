package dev.kiln.artifact.service;

import dev.kiln.artifact.domain.ArtifactIndex;
import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.ListingEntry;
import dev.kiln.artifact.domain.ObjectInfo;
import dev.kiln.artifact.domain.ObjectStore;
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

    /**
     * {@code length} bytes from {@code first} of the object {@code info} describes ({@code -1}: to its end);
     * the caller closes the stream.
     *
     * @throws dev.kiln.artifact.domain.ObjectChangedException when the key no longer holds that object; the
     *     caller starts over from a fresh stat
     */
    public InputStream open(ObjectInfo info, long first, long length) {
        return store.open(info, first, length);
    }

    /**
     * The entries of {@code directory}, or empty when nothing lies below it (the root always exists). A
     * sub-directory's time is the newest creation time the index knows below it.
     */
    public Optional<List<ListingEntry>> list(CachePath directory) {
        List<ListingEntry> entries = store.list(directory.value());
        if (entries.isEmpty() && !directory.isRoot()) {
            return Optional.empty();
        }
        Map<String, Instant> times = entries.stream().anyMatch(ListingEntry::directory)
                ? index.newestBelowChildren(directory.value()) : Map.of();
        List<ListingEntry> timed = entries.stream()
                .map(e -> e.directory() ? ListingEntry.directory(e.name(), times.get(e.name())) : e)
                .toList();
        return Optional.of(timed);
    }

    /** Whether {@code file}, which is no object, names a directory (so a client should add the slash). */
    public boolean isDirectory(CachePath file) {
        return store.hasObjectsUnder(file.asDirectory().value());
    }

    public Optional<URI> presignedGet(CachePath file, Duration expiry) {
        return store.presignedGet(file.value(), expiry);
    }
}
