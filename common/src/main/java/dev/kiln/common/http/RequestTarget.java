package dev.kiln.common.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks a request target (path and query as sent on the request line) before anything decodes it: every
 * {@code %} starts two hex digits, no control character is sent raw or escaped as {@code %00}, and the escaped
 * bytes form valid UTF-8 (an overlong {@code %C0%AF} is not a slash in disguise).
 */
public final class RequestTarget {

    private RequestTarget() {
    }

    /** Why the target is unacceptable, or empty when it is fine. */
    public static Optional<String> problemWith(String target) {
        ByteBuffer escaped = ByteBuffer.allocate(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("the request target contains the control character U+%04X".formatted((int) c));
            }
            if (c != '%') {
                if (!decodes(escaped)) {
                    return Optional.of("the request target's %-escapes are not valid UTF-8");
                }
                continue;
            }
            if (i + 2 >= target.length() || hex(target.charAt(i + 1)) < 0 || hex(target.charAt(i + 2)) < 0) {
                return Optional.of("the request target has a '%' not followed by two hex digits at offset " + i);
            }
            int value = hex(target.charAt(i + 1)) * 16 + hex(target.charAt(i + 2));
            if (value == 0) {
                return Optional.of("the request target contains an escaped NUL byte (%00)");
            }
            escaped.put((byte) value);
            i += 2;
        }
        return decodes(escaped) ? Optional.empty() : Optional.of("the request target's %-escapes are not valid UTF-8");
    }

    /** Decodes and clears a run of consecutive escaped bytes; false when they are not UTF-8. */
    private static boolean decodes(ByteBuffer run) {
        if (run.position() == 0) {
            return true;
        }
        run.flip();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(run);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } finally {
            run.clear();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
