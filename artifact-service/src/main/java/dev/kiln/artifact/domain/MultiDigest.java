package dev.kiln.artifact.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5, SHA-1, SHA-256 and SHA-512 of a byte stream, all updated from the same pass over the bytes. */
public final class MultiDigest {

    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha1 = digest("SHA-1");
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest sha512 = digest("SHA-512");
    private long size;

    public void update(byte[] bytes, int offset, int length) {
        md5.update(bytes, offset, length);
        sha1.update(bytes, offset, length);
        sha256.update(bytes, offset, length);
        sha512.update(bytes, offset, length);
        size += length;
    }

    public long size() {
        return size;
    }

    /** The digests of everything seen; the instance must not be used afterwards. */
    public Digests finish() {
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

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
