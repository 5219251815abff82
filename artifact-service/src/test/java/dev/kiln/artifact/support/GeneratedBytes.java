package dev.kiln.artifact.support;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A deterministic pseudo-random byte stream of a given length, generated on the fly so that hundreds of
 * megabytes never sit in memory. The same seed and length always give the same bytes.
 */
public final class GeneratedBytes extends InputStream {

    private final long length;
    private long position;
    private long state;

    public GeneratedBytes(long seed, long length) {
        this.length = length;
        this.state = seed * 0x9E3779B97F4A7C15L + 1;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        for (int i = 0; i < n; i++) {
            if (((position + i) & 7) == 0) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
            }
            buffer[offset + i] = (byte) (state >>> (((position + i) & 7) * 8));
        }
        position += n;
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, length - position);
    }

    /** The sha256 (hex) of the stream {@code new GeneratedBytes(seed, length)} yields. */
    public static String sha256(long seed, long length) {
        try (GeneratedBytes in = new GeneratedBytes(seed, length)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code length} bytes of the stream, for small payloads. */
    public static byte[] bytes(long seed, int length) {
        byte[] out = new byte[length];
        new GeneratedBytes(seed, length).read(out, 0, length);
        return out;
    }
}
