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
        "stable/a b?x#y, stable/a%20b%3Fx%23y",
        "stable/ä, stable/%C3%A4",
    })
    void keepsSeparatorsAndPlusAndEncodesTheRest(String path, String encoded) {
        assertThat(CachePathEncoding.encode(path)).isEqualTo(encoded);
    }
}
