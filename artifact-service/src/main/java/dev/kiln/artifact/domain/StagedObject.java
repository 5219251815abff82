package dev.kiln.artifact.domain;

/**
 * An object whose bytes the store holds but does not show yet (an open multipart upload, or one small part
 * in memory). {@link #publish()} makes it visible at once; closing it unpublished discards it.
 */
public interface StagedObject extends AutoCloseable {

    /** Makes the whole object visible at its key, replacing any previous one. */
    void publish();

    /** Discards the bytes if they were not published; never throws. */
    @Override
    void close();
}
