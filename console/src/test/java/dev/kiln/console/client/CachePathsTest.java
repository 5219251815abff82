package dev.kiln.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CachePathsTest {

    @Test
    void keepsTheSlashesAndEncodesWhatASegmentHolds() {
        assertThat(CachePaths.encode("images/amd64/4907.0.0+nightly-20261207-2100/")).isEqualTo(
                "images/amd64/4907.0.0%2Bnightly-20261207-2100/");
        assertThat(CachePaths.encode("alpha/amd64-usr/4593.2.5/flatcar_production_image.bin.bz2"))
                .isEqualTo("alpha/amd64-usr/4593.2.5/flatcar_production_image.bin.bz2");
        assertThat(CachePaths.encode("a b/")).isEqualTo("a%20b/");
        assertThat(CachePaths.encode("")).isEmpty();
    }
}
