package dev.kiln.artifact.storage;

import io.minio.Http;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32C;

/** The request headers and user metadata Kiln stores with every object. */
final class ObjectHeaders {

    static final String WRITE_ID = "kiln-write-id";
    static final String GENERATED = "kiln-generated";
    private static final String META_PREFIX = "x-amz-meta-";
    private static final String CHECKSUM_CRC32C = "x-amz-checksum-crc32c";

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

    /**
     * Part headers. An unsigned payload spares the SDK a SHA-256 pass over every part (the object's sha256 is
     * verified end to end anyway); the part still carries a CRC32C, computed here with the JDK's intrinsic
     * because the SDK's own table-driven CRC32C costs as much CPU as all four digests together.
     */
    static Http.Headers forPart(boolean unsignedPayload, byte[] data, int length) {
        Http.Headers headers = new Http.Headers();
        if (unsignedPayload) {
            CRC32C crc = new CRC32C();
            crc.update(data, 0, length);
            int value = (int) crc.getValue();
            headers.put(Http.Headers.X_AMZ_CONTENT_SHA256, "UNSIGNED-PAYLOAD");
            headers.put(CHECKSUM_CRC32C, Base64.getEncoder().encodeToString(
                    new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value}));
            headers.put(Http.Headers.X_AMZ_SDK_CHECKSUM_ALGORITHM, "CRC32C");
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
