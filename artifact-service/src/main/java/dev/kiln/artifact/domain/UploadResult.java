package dev.kiln.artifact.domain;

/** The outcome of an upload, with the digests of the bytes it sent. */
public record UploadResult(CachePath path, Digests digests, Outcome outcome) {

    public enum Outcome {
        /** The bytes are visible at the path and indexed. */
        STORED,
        /** The bytes were visible, then another writer published the same path right after. */
        SUPERSEDED,
        /**
         * The path already held these very bytes (same size and digests, same content type): nothing was written,
         * indexed or announced. A retried upload, or a log a restarted runner ships again, changes nothing.
         */
        UNCHANGED
    }
}
