package dev.kiln.artifact.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden files made with Flatcar's create_digests recipe (md5sum, sha1sum, sha512sum) from coreutils. */
class DigestsFileTest {

    @ParameterizedTest
    @CsvSource({"flatcar_production_image.bin.bz2, 'hello\n'", "empty.id, ''"})
    void rendersExactlyWhatCreateDigestsWrites(String name, String content) throws IOException {
        Digests digests = MultiDigest.of(content.getBytes(StandardCharsets.UTF_8));

        byte[] rendered = DigestsFile.render(name, digests);

        assertThat(new String(rendered, StandardCharsets.UTF_8)).isEqualTo(golden(name + ".DIGESTS"));
    }

    @Test
    void computesAllFourDigestsInOnePass() {
        Digests digests = MultiDigest.of("hello\n".getBytes(StandardCharsets.UTF_8));

        assertThat(digests.size()).isEqualTo(6);
        assertThat(digests.sha256()).isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
        assertThat(digests.md5()).isEqualTo("b1946ac92492d2347c6235b4d2611184");
    }

    @ParameterizedTest
    @CsvSource({
        "images/amd64/4593.2.5/flatcar_production_image.bin.bz2, true",
        "containers/4593.2.5/flatcar-sdk-all-4593.2.5.id, true",
        "images/amd64/4593.2.5/flatcar_production_image.bin.bz2.DIGESTS, false",
        "images/amd64/4593.2.5/flatcar_production_image.bin.bz2.DIGESTS.asc, false",
        "images/amd64/4593.2.5/flatcar_production_image.bin.bz2.sig, false",
        "boards/amd64-usr/4593.2.5/pkgs/Packages.gpg, false",
        "images/amd64/4593.2.5/flatcar_production_image.bin.bz2.digests, true",
    })
    void skipsSignaturesAndDigestsAsCreateDigestsDoes(String path, boolean applies) {
        assertThat(DigestsFile.appliesTo(CachePath.parse(path))).isEqualTo(applies);
    }

    @Test
    void liesBesideItsFile() {
        CachePath file = CachePath.parse("sdk/amd64/4593.0.0/flatcar-sdk-amd64-4593.0.0.tar.bz2");

        assertThat(DigestsFile.pathFor(file).value())
                .isEqualTo("sdk/amd64/4593.0.0/flatcar-sdk-amd64-4593.0.0.tar.bz2.DIGESTS");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DigestsFileTest.class.getResourceAsStream("/DigestsFileTest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
