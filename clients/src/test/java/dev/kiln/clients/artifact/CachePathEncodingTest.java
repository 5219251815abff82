package dev.kiln.clients.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cache paths reach artifact-service with their '/' as separators and Flatcar's '+' as it is. */
class CachePathEncodingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "stable/amd64-usr/current/version.txt, stable/amd64-usr/current/version.txt",
        "lts/lts-info, lts/lts-info",
        "images/amd64/4799.0.0+nightly-20260821-2100/flatcar_production_image.bin.bz2, images/amd64/4799.0.0+nightly-20260821-2100/flatcar_production_image.bin.bz2",
        "containers/3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54/flatcar-sdk-all.tar.zst, containers/3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54/flatcar-sdk-all.tar.zst",
        "boards/amd64-usr/4593.2.5/pkgs/dev-libs/libsigc++-2.12.1.gpkg.tar, boards/amd64-usr/4593.2.5/pkgs/dev-libs/libsigc++-2.12.1.gpkg.tar",
        "images/amd64/, images/amd64/",
        "'a/b~c@d,e:f=g', 'a/b~c@d,e:f=g'",
        "stable/a b?x#y, stable/a%20b%3Fx%23y",
        "stable/100%, stable/100%25",
        "stable/a\\b, stable/a%5Cb",
        "stable/ä, stable/%C3%A4",
    })
    void keepsSeparatorsAndPlusAndEncodesTheRest(String path, String encoded) {
        assertThat(CachePathEncoding.encode(path)).isEqualTo(encoded);
    }
}
