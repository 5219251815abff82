package dev.kiln.artifact.bench;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** {@code length} bytes made of one random 1 MiB block repeated: costs the sender no more than a copy. */
final class RepeatingBytes extends InputStream {

    static final int BLOCK = 1 << 20;
    private static final byte[] PATTERN = pattern();

    private final long length;
    private long position;

    RepeatingBytes(long length) {
        this.length = length;
    }

    @Override
    public int read() {
        return position < length ? PATTERN[(int) (position++ % BLOCK)] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int start = (int) (position % BLOCK);
        int n = (int) Math.min(Math.min(count, BLOCK - start), length - position);
        System.arraycopy(PATTERN, start, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** The sha256 of {@code new RepeatingBytes(length)}. */
    static String sha256(long length) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (long done = 0; done < length; done += BLOCK) {
            digest.update(PATTERN, 0, (int) Math.min(BLOCK, length - done));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] pattern() {
        byte[] bytes = new byte[BLOCK];
        new SplittableRandom(4799).nextBytes(bytes);
        return bytes;
    }
}
