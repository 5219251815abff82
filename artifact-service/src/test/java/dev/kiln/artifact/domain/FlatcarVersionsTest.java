package dev.kiln.artifact.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlatcarVersionsTest {

    @ParameterizedTest
    @CsvSource({
        "4799.0.0+nightly-20260821-2100, 4799.0.0-nightly-20260821-2100",
        "4799.0.0+nightly-20260821-2100-INTERMEDIATE, 4799.0.0-nightly-20260821-2100-INTERMEDIATE",
        "4593.2.5, 4593.2.5",
        "3598.0.0+nightly-20230508-2100-github-2023_05_09__08_06_54, 3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54",
    })
    void convertsBetweenThePlusAndTheDockerSpelling(String plus, String docker) {
        assertThat(FlatcarVersions.dockerForm(plus)).isEqualTo(docker);
        assertThat(FlatcarVersions.plusForm(docker)).isEqualTo(plus);
        assertThat(FlatcarVersions.plusForm(plus)).isEqualTo(plus);
    }

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
        assertThat(FlatcarVersions.fromTag(tag)).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource({
        "4799.0.0+nightly-20260821-2100, 4799.0.0-nightly-20260821-2100",
        "4799.0.0-nightly-20260821-2100, 4799.0.0-nightly-20260821-2100",
        "1.2.3+a+b, 1.2.3-a+b",
        "4593.2.5, 4593.2.5",
    })
    void orphanSweepTurnsOnlyTheFirstPlusIntoADash(String directory, String fragment) {
        assertThat(FlatcarVersions.tagFragment(directory)).isEqualTo(fragment);
    }

    @ParameterizedTest
    @CsvSource({
        "4593.2.5, true, true",
        "4799.0.0+nightly-20260821-2100, true, false",
        "4799.0.0-nightly-20260821-2100, true, false",
        "current, false, false",
        "4593.2, false, false",
        "v4593.2.5, false, false",
    })
    void recognisesVersionAndReleaseDirectories(String name, boolean version, boolean release) {
        assertThat(FlatcarVersions.isVersion(name)).isEqualTo(version);
        assertThat(FlatcarVersions.isRelease(name)).isEqualTo(release);
    }
}
