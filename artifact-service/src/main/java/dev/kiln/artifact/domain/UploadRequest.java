package dev.kiln.artifact.domain;

import java.io.InputStream;

/**
 * One upload: the body streamed to {@code path}, its declared length (-1 when chunked), the sha256 the caller
 * expects (null for none), its content type as sent (may be null) and the caller's name.
 */
public record UploadRequest(CachePath path, InputStream body, long declaredLength, String expectedSha256,
        String contentType, String uploadedBy) {
}
