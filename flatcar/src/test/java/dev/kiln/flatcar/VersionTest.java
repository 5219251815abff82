package dev.kiln.flatcar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // input                                                       | version id | build id                                                 | + form (FLATCAR_VERSION)                                   | - form (containers)
            "4593.2.5,                                                       4593.2.5,   -,                                                         4593.2.5,                                                    4593.2.5",
            "4081.3.10,                                                      4081.3.10,  -,                                                         4081.3.10,                                                   4081.3.10",
            "4799.0.0+nightly-20260821-2100,                                 4799.0.0,   nightly-20260821-2100,                                     4799.0.0+nightly-20260821-2100,                              4799.0.0-nightly-20260821-2100",
            "4799.0.0-nightly-20260821-2100,                                 4799.0.0,   nightly-20260821-2100,                                     4799.0.0+nightly-20260821-2100,                              4799.0.0-nightly-20260821-2100",
            "4799.0.0+nightly-20260821-2100-INTERMEDIATE,                    4799.0.0,   nightly-20260821-2100-INTERMEDIATE,                        4799.0.0+nightly-20260821-2100-INTERMEDIATE,                 4799.0.0-nightly-20260821-2100-INTERMEDIATE",
            "4593.2.5-nightly-20260822-2100,                                 4593.2.5,   nightly-20260822-2100,                                     4593.2.5+nightly-20260822-2100,                              4593.2.5-nightly-20260822-2100",
            "3244.0.1-nightly2,                                              3244.0.1,   nightly2,                                                  3244.0.1+nightly2,                                           3244.0.1-nightly2",
            "3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54,     3598.0.0,   nightly-20230508-2100-github-2023_05_09__08_06_54,         3598.0.0+nightly-20230508-2100-github-2023_05_09__08_06_54,  3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54",
    })
    void readsBothSpellingsAndWritesEach(String input, String versionId, String buildId, String plus, String dash) {
        Version version = Version.parse(input);

        assertThat(version.versionId()).isEqualTo(versionId);
        assertThat(version.buildId()).isEqualTo(buildId);
        assertThat(version.plusForm()).isEqualTo(plus);
        assertThat(version.dashForm()).isEqualTo(dash);
        assertThat(version.official()).isEqualTo(buildId == null);
        assertThat(Version.parse(version.plusForm())).isEqualTo(version);
        assertThat(Version.parse(version.dashForm())).isEqualTo(version);
    }

    @ParameterizedTest(name = "minor of {0} is {1}")
    @CsvSource(nullValues = "-", value = {"4790.0.0, ALPHA", "4757.1.0, BETA", "4593.2.5, STABLE", "4081.3.10, LTS", "4081.4.0, -"})
    void minorEncodesTheChannel(String input, Channel channel) {
        assertThat(Version.parse(input).channel()).isEqualTo(channel);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                            | a version is required",
            "4593.2                        | is not a version",
            "4593.2.5.1                    | is not a version",
            "v4593.2.5                     | is not a version",
            "stable-4593.2.5               | is not a version",
            "4593.02.5                     | leading zero",
            "4799.0.0+                     | has no build id",
            "4799.0.0+nightly 2100         | may only hold letters",
            "4799.0.0+dev+1                | may only hold letters",
            "4799.0.0-.hidden              | must start with a letter or digit",
            "4799.0.0+a..b                 | may only hold letters",
            "1234567890.0.0                | too large",
    })
    void rejectsMalformedVersionsWithAReason(String input, String reason) {
        assertThatThrownBy(() -> Version.parse(input))
                .isInstanceOf(MalformedVersionException.class)
                .hasMessageContaining(reason);
    }
}
