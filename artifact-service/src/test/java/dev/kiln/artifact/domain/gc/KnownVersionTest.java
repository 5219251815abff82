package dev.kiln.artifact.domain.gc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnownVersionTest {

    private static final Instant CREATED = Instant.parse("2026-08-21T21:00:30Z");

    @ParameterizedTest
    @CsvSource({
        "main-4799.0.0-nightly-20260821-2100, 4799.0.0+nightly-20260821-2100",
        "main-4799.0.0-nightly-20260821-2100-INTERMEDIATE, 4799.0.0+nightly-20260821-2100-INTERMEDIATE",
        "stable-4593.2.5-nightly-20260821-2100, 4593.2.5+nightly-20260821-2100",
        "lts-4081.3.10, 4081.3.10",
        "alpha-3449.0.0-dev23, 3449.0.0+dev23",
        "main-9999.0.2-die-faster, 9999.0.2+die-faster",
    })
    void derivesFlatcarVersionFromATagAsStripVersionPrefixDoes(String tag, String version) {
        assertThat(KnownVersion.of(tag, null, CREATED).version()).isEqualTo(version);
    }

    @Test
    void keepsTheVersionItsReporterGave() {
        KnownVersion known = KnownVersion.of("main-4799.0.0-nightly-20260821-2100", "4799.0.0+other", CREATED);

        assertThat(known.version()).isEqualTo("4799.0.0+other");
    }

    @ParameterizedTest
    @CsvSource({"v2234.99.0", "main-3360-0.0-vim-update", "debug-rclone-config", "lts-flatcar-3033-revert"})
    void aHistoricTagThatNamesNoVersionStandsInForItsOwn(String tag) {
        assertThat(KnownVersion.of(tag, null, CREATED).version()).isEqualTo(tag);
    }
}
