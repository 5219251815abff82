package dev.kiln.localstack.testsystem;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes every digest a Flatcar DIGESTS file may list in one pass over a stream, without keeping the bytes. */
final class Digester {

    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha1 = digest("SHA-1");
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest sha512 = digest("SHA-512");
    private long size;

    static FileDigests of(byte[] bytes) {
        Digester digester = new Digester();
        digester.update(bytes, bytes.length);
        return digester.finish();
    }

    /** Reads {@code in} to its end. */
    static FileDigests of(InputStream in) throws IOException {
        Digester digester = new Digester();
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digester.update(buffer, n);
        }
        return digester.finish();
    }

    private void update(byte[] buffer, int length) {
        md5.update(buffer, 0, length);
        sha1.update(buffer, 0, length);
        sha256.update(buffer, 0, length);
        sha512.update(buffer, 0, length);
        size += length;
    }

    private FileDigests finish() {
        HexFormat hex = HexFormat.of();
        return new FileDigests(size, hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()),
                hex.formatHex(sha256.digest()), hex.formatHex(sha512.digest()));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
