package dev.kiln.artifact.domain;

/**
 * The object at a key is no longer the version a reader looked at (replaced or deleted between its stat and its
 * read): the reader starts over from a fresh stat rather than failing.
 */
public final class ObjectChangedException extends RuntimeException {

    public ObjectChangedException(String key, String etag) {
        super("'" + key + "' is no longer the version with ETag " + etag, null, false, false);
    }
}
