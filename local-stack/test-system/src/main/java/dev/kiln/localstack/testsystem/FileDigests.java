package dev.kiln.localstack.testsystem;

import java.util.Locale;
import java.util.Optional;

/** The size and digests of a downloaded file, lower-case hex, under the section names of Flatcar's DIGESTS files. */
public record FileDigests(long size, String md5, String sha1, String sha256, String sha512) {

    /** The digest for a DIGESTS section name ({@code MD5}, {@code SHA1}, {@code SHA256}, {@code SHA512}). */
    public Optional<String> of(String algorithm) {
        return Optional.ofNullable(switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "MD5" -> md5;
            case "SHA1" -> sha1;
            case "SHA256" -> sha256;
            case "SHA512" -> sha512;
            default -> null;
        });
    }
}
