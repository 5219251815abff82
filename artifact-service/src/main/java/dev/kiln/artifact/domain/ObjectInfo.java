package dev.kiln.artifact.domain;

import java.time.Instant;

/**
 * What the object store knows of one object: size, entity tag (unquoted), last modification, content type,
 * the id of the write that produced it and whether Kiln generated it (a DIGESTS file).
 */
public record ObjectInfo(String key, long size, String etag, Instant lastModified, String contentType, String writeId,
        boolean generated) {
}
