package dev.kiln.artifact.domain;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The port to the object store that holds the cache's bytes under their cache paths as keys. */
public interface ObjectStore {

    /**
     * Streams {@code body} into a staged, invisible object at {@code key}, holding at most two parts in memory;
     * every filled part is handed to {@code parts} too (its bytes in order, once), and a part's buffer is reused only
     * after both its upload and {@code parts} are done with it. Returns once {@code parts} has taken in everything.
     *
     * @throws IOException when reading {@code body} fails (the staged bytes are discarded first)
     * @throws ArtifactException {@code TOO_LARGE} or {@code CAPACITY_EXHAUSTED}
     */
    StagedObject stage(String key, String contentType, String writeId, InputStream body, long declaredLength,
            PartSink parts) throws IOException;

    /** Writes a small object at once (DIGESTS files); returns its entity tag. */
    String put(String key, String contentType, String writeId, boolean generated, byte[] data);

    Optional<ObjectInfo> stat(String key);

    /**
     * Copies the object at {@code sourceKey} to {@code targetKey} inside the store (no bytes pass through this
     * service), with the given content type and write id; returns the target's entity tag.
     */
    String copy(String sourceKey, String targetKey, String contentType, String writeId, boolean generated);

    /**
     * The bytes {@code offset .. offset+length-1} ({@code length < 0}: to the end) of exactly the object
     * {@code object} describes (a {@link #stat} of its key): that write, that entity tag, that size. Throws
     * {@link ObjectChangedException} when the key no longer holds it (replaced or deleted since the stat), so that
     * a reader never gets the bytes of one write under the validators of another.
     */
    InputStream open(ObjectInfo object, long offset, long length);

    /** The files and sub-directories directly inside {@code directoryPrefix} (sub-directories without times). */
    List<ListingEntry> list(String directoryPrefix);

    /** Whether any object lies under {@code prefix}. */
    boolean hasObjectsUnder(String prefix);

    /** Names of the sub-directories directly inside {@code directoryPrefix}. */
    List<String> childDirectories(String directoryPrefix);

    /** Calls {@code page} with the keys under {@code prefix}, at most 1,000 at a time. */
    void forEachKeyPage(String prefix, Consumer<List<String>> page);

    /** Removes the objects; keys that do not exist are ignored. */
    void delete(List<String> keys);

    /** A URL that lets anyone GET the object for {@code expiry}, when the store can sign one. */
    Optional<URI> presignedGet(String key, Duration expiry);

    /** Aborts the incomplete multipart uploads started before {@code cutoff}; returns how many. */
    int abortStaleUploads(Instant cutoff);
}
