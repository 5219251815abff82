package dev.kiln.artifact.domain;

import java.util.concurrent.CompletableFuture;

/** Takes in every byte of an upload's body, in order and once, one filled part buffer at a time. */
@FunctionalInterface
public interface PartSink {

    /**
     * Takes in the first {@code length} bytes of {@code part}; the caller leaves the buffer untouched until the
     * returned stage completes.
     */
    CompletableFuture<Void> accept(byte[] part, int length);
}
