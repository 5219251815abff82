package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.InvalidPathException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The cache path of a request, read from the raw (still percent-encoded, never normalised) request path so
 * that {@code ..}, {@code %2e%2e}, encoded slashes and the like are seen and refused, not resolved.
 */
final class RequestPaths {

    private RequestPaths() {
    }

    /** The cache path after {@code prefix} (e.g. {@code /cache/}) in {@code rawPath}. */
    static CachePath after(String prefix, String rawPath) {
        if (rawPath == null || !rawPath.startsWith(prefix)) {
            throw new InvalidPathException("the request path must start with " + prefix);
        }
        return CachePath.parse(decode(rawPath.substring(prefix.length())));
    }

    /** Percent-decodes a path (a {@code +} stays a {@code +}); an encoded {@code /} is refused. */
    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= encoded.length()) {
                throw new InvalidPathException("path has a truncated percent-encoding at " + i);
            }
            int value = hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2));
            if (value == '/') {
                throw new InvalidPathException("path must not contain an encoded '/' (%2F) at " + i);
            }
            bytes.write(value);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPathException("path is not valid UTF-8 once decoded");
        }
    }

    private static int hex(char c) {
        int value = Character.digit(c, 16);
        if (value < 0) {
            throw new InvalidPathException("path has an invalid percent-encoding");
        }
        return value;
    }
}
