package dev.kiln.artifact.storage;

import io.minio.Http;
import java.util.Map;

/** The request headers and user metadata Kiln stores with every object. */
final class ObjectHeaders {

    static final String WRITE_ID = "kiln-write-id";
    static final String GENERATED = "kiln-generated";
    private static final String META_PREFIX = "x-amz-meta-";

    private ObjectHeaders() {
    }

    static Http.Headers forObject(String contentType, String writeId, boolean generated) {
        Http.Headers headers = new Http.Headers();
        headers.put(Http.Headers.CONTENT_TYPE, contentType);
        headers.put(META_PREFIX + WRITE_ID, writeId);
        if (generated) {
            headers.put(META_PREFIX + GENERATED, "true");
        }
        return headers;
    }

    /** Part headers: an unsigned payload spares a second SHA-256 pass; the object's sha256 is checked anyway. */
    static Http.Headers forPart(boolean unsignedPayload) {
        Http.Headers headers = new Http.Headers();
        if (unsignedPayload) {
            headers.put(Http.Headers.X_AMZ_CONTENT_SHA256, "UNSIGNED-PAYLOAD");
        }
        return headers;
    }

    static Http.Headers merge(Http.Headers a, Http.Headers b) {
        return Http.Headers.merge(a, b);
    }

    /** The value of user metadata {@code name}, whatever case the store returns it in. */
    static String userMetadata(Http.Headers metadata, String name) {
        if (metadata == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : metadata.entries()) {
            String key = entry.getKey().toLowerCase(java.util.Locale.ROOT);
            if (key.equals(name) || key.equals(META_PREFIX + name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
