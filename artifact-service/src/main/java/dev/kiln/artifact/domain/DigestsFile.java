package dev.kiln.artifact.domain;

import java.nio.charset.StandardCharsets;

/**
 * Flatcar's {@code <file>.DIGESTS} (flatcar-ci.md 6, {@code create_digests}): sections {@code # MD5 HASH},
 * {@code # SHA1 HASH} and {@code # SHA512 HASH}, each followed by {@code <hex>  <basename>}. Files
 * ending in {@code .asc}, {@code .sig}, {@code .gpg} or {@code .DIGESTS} get none.
 */
public final class DigestsFile {

    public static final String SUFFIX = ".DIGESTS";
    public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private DigestsFile() {
    }

    /** Whether a file at {@code path} gets a DIGESTS file beside it. */
    public static boolean appliesTo(CachePath path) {
        String name = path.name();
        return !path.isDirectory() && !(name.endsWith(".asc") || name.endsWith(".sig") || name.endsWith(".gpg")
                || name.endsWith(SUFFIX));
    }

    /** The path of the DIGESTS file of {@code file}. */
    public static CachePath pathFor(CachePath file) {
        return file.sibling(file.name() + SUFFIX);
    }

    /** The file's content for a file named {@code basename}. */
    public static byte[] render(String basename, Digests digests) {
        String text = "# MD5 HASH\n" + digests.md5() + "  " + basename + "\n"
                + "# SHA1 HASH\n" + digests.sha1() + "  " + basename + "\n"
                + "# SHA512 HASH\n" + digests.sha512() + "  " + basename + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
