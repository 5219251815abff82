package dev.kiln.artifact.domain;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through while feeding every byte read, once, into a {@link MultiDigest}. */
public final class DigestingInputStream extends FilterInputStream {

    private final MultiDigest digest;

    public DigestingInputStream(InputStream in, MultiDigest digest) {
        super(in);
        this.digest = digest;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("skipping would leave bytes out of the digests");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
