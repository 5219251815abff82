package dev.kiln.localstack.testsystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlatcarDigestsTest {

    private static final byte[] VERSION_TXT = """
            FLATCAR_BUILD=4593
            FLATCAR_BRANCH=2
            FLATCAR_PATCH=5
            FLATCAR_VERSION=4593.2.5
            FLATCAR_VERSION_ID=4593.2.5
            FLATCAR_BUILD_ID=""
            FLATCAR_SDK_VERSION=4593.1.0
            """.getBytes(StandardCharsets.UTF_8);

    /** What artifact-service (and Flatcar's create_digests) writes beside a file. */
    static String digestsFileOf(String basename, byte[] content) {
        FileDigests d = Digester.of(content);
        return "# MD5 HASH\n" + d.md5() + "  " + basename + "\n# SHA1 HASH\n" + d.sha1() + "  " + basename
                + "\n# SHA512 HASH\n" + d.sha512() + "  " + basename + "\n";
    }

    @Test
    void acceptsAFileWhoseMd5Sha1AndSha512AllMatch() {
        FlatcarDigests digests = FlatcarDigests.parse(digestsFileOf("version.txt", VERSION_TXT));

        assertThat(digests.problemWith("version.txt", Digester.of(VERSION_TXT))).isEmpty();
        assertThat(digests.byAlgorithm()).containsOnlyKeys("MD5", "SHA1", "SHA512");
    }

    @Test
    void namesTheAlgorithmWhoseDigestDiffers() {
        String file = digestsFileOf("version.txt", VERSION_TXT);
        FileDigests real = Digester.of(VERSION_TXT);
        String tampered = file.replace(real.sha512(), "0".repeat(128));

        assertThat(FlatcarDigests.parse(tampered).problemWith("version.txt", real)).hasValueSatisfying(problem ->
                assertThat(problem).contains("SHA512 listed " + "0".repeat(128)).doesNotContain("MD5").doesNotContain("SHA1 "));
    }

    @Test
    void aDownloadThatChangedFailsEveryListedDigest() {
        FlatcarDigests digests = FlatcarDigests.parse(digestsFileOf("flatcar_production_image.bin.bz2", VERSION_TXT));
        byte[] corrupt = "FLATCAR_VERSION=4593.2.4\n".getBytes(StandardCharsets.UTF_8);

        assertThat(digests.problemWith("flatcar_production_image.bin.bz2", Digester.of(corrupt)))
                .hasValueSatisfying(p -> assertThat(p).contains("MD5 listed").contains("SHA1 listed").contains("SHA512 listed"));
    }

    @Test
    void aDigestsFileForAnotherFileChecksNothingAndSaysSo() {
        FlatcarDigests digests = FlatcarDigests.parse(digestsFileOf("flatcar_production_update.bin.bz2", VERSION_TXT));

        assertThat(digests.problemWith("flatcar_production_image.bin.bz2", Digester.of(VERSION_TXT)))
                .hasValueSatisfying(p -> assertThat(p).contains("lists no MD5, SHA1, SHA256 or SHA512 digest"));
    }

    @Test
    void readsSha256SectionsAndBinaryModeNamesAndIgnoresUnknownAlgorithms() {
        FileDigests real = Digester.of(VERSION_TXT);
        String file = "# SHA256 HASH\n" + real.sha256().toUpperCase() + " *version.txt\n\n# BLAKE2 HASH\nabc  version.txt\n";

        assertThat(FlatcarDigests.parse(file).problemWith("version.txt", real)).isEmpty();
    }

    @Test
    void digestsOfKnownContentAreTheStandardOnes() {
        FileDigests empty = Digester.of(new byte[0]);

        assertThat(empty.size()).isZero();
        assertThat(empty.md5()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(empty.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
