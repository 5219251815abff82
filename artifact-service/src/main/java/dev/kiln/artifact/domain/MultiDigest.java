package dev.kiln.artifact.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * MD5, SHA-1, SHA-256 and SHA-512 of a byte stream, fed either on the caller's thread or, a part at a time, with
 * each algorithm on a thread of its own ({@link #updateAsync}).
 */
public final class MultiDigest {

    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha1 = digest("SHA-1");
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest sha512 = digest("SHA-512");
    private final List<MessageDigest> all = List.of(md5, sha1, sha256, sha512);
    /** Per algorithm, the last part handed to it: each algorithm sees the parts in order, one after the other. */
    private final CompletableFuture<?>[] tails = {done(), done(), done(), done()};
    private long size;

    public void update(byte[] bytes, int offset, int length) {
        md5.update(bytes, offset, length);
        sha1.update(bytes, offset, length);
        sha256.update(bytes, offset, length);
        sha512.update(bytes, offset, length);
        size += length;
    }

    /**
     * Feeds the first {@code length} bytes of {@code part} to the four algorithms, each on {@code executor} after
     * its previous part; the returned stage completes when all four have read the buffer. The four run in
     * parallel rather than one after the other on the request thread: none of them can be split within one
     * stream, and their sum was what bounded an upload (docs/benchmarks.md, P2 follow-up).
     */
    public CompletableFuture<Void> updateAsync(byte[] part, int length, Executor executor) {
        size += length;
        for (int i = 0; i < tails.length; i++) {
            MessageDigest algorithm = all.get(i);
            tails[i] = tails[i].thenRunAsync(() -> algorithm.update(part, 0, length), executor);
        }
        return CompletableFuture.allOf(tails);
    }

    public long size() {
        return size;
    }

    /** The digests of everything seen; the instance must not be used afterwards. */
    public Digests finish() {
        CompletableFuture.allOf(tails).join();
        HexFormat hex = HexFormat.of();
        return new Digests(size, hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()),
                hex.formatHex(sha256.digest()), hex.formatHex(sha512.digest()));
    }

    /** The digests of a small byte array. */
    public static Digests of(byte[] bytes) {
        MultiDigest digest = new MultiDigest();
        digest.update(bytes, 0, bytes.length);
        return digest.finish();
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
