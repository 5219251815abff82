package dev.kiln.flatcar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // tag                                              | prefix | update group | channel (minor) | FLATCAR_VERSION                              | release
            "stable-4593.2.5,                                    stable,  stable,        STABLE,  4593.2.5,                                    true",
            "lts-4081.3.10,                                      lts,     lts,           LTS,     4081.3.10,                                   true",
            "alpha-4790.0.0,                                     alpha,   alpha,         ALPHA,   4790.0.0,                                    true",
            "beta-4757.1.0,                                      beta,    beta,          BETA,    4757.1.0,                                    true",
            "main-4799.0.0-nightly-20260821-2100,                main,    developer,     ALPHA,   4799.0.0+nightly-20260821-2100,              false",
            "main-4799.0.0-nightly-20260821-2100-INTERMEDIATE,   main,    developer,     ALPHA,   4799.0.0+nightly-20260821-2100-INTERMEDIATE, false",
            "lts-4081.3.10-nightly-20260821-2100,                lts,     lts,           LTS,     4081.3.10+nightly-20260821-2100,             false",
            "stable-4593.2.5-nightly-20260822-2100,              stable,  stable,        STABLE,  4593.2.5+nightly-20260822-2100,              false",
            "alpha-3449.0.0-dev23,                               alpha,   alpha,         ALPHA,   3449.0.0+dev23,                              false",
            "main-9999.0.2-die-faster,                           main,    developer,     ALPHA,   9999.0.2+die-faster,                         false",
            "stable-4593.2.4-fix-nvidia-drivers-4593,            stable,  stable,        STABLE,  4593.2.4+fix-nvidia-drivers-4593,            false",
            "sdk-3199.0.0-nightly-20220404-0140,                 sdk,     developer,     ALPHA,   3199.0.0+nightly-20220404-0140,              false",
            "beta-4593.2.5,                                      beta,    beta,          STABLE,  4593.2.5,                                    false",
    })
    void readsRealFlatcarTags(String name, String prefix, String group, Channel channel, String version, boolean release) {
        Tag tag = Tag.parse(name);

        assertThat(tag.prefix()).isEqualTo(prefix);
        assertThat(tag.group().id()).isEqualTo(group);
        assertThat(tag.version().channel()).isEqualTo(channel);
        assertThat(tag.version().plusForm()).isEqualTo(version);
        assertThat(tag.isRelease()).isEqualTo(release);
        assertThat(tag.name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} is named {1}")
    @CsvSource({
            "main-4799.0.0+nightly-20260821-2100, main-4799.0.0-nightly-20260821-2100",
            "alpha-3449.0.0+dev23,                alpha-3449.0.0-dev23",
    })
    void acceptsThePlusSpellingAndNamesTheTagWithADash(String input, String name) {
        assertThat(Tag.parse(input).name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} -> group {1}")
    @CsvSource(nullValues = "-", value = {
            "4799.0.0+nightly-20260821-2100, -,      developer",
            "4593.2.5,                       -,      developer",
            "lts-4081.3.10,                  lts,    lts",
            "main-4799.0.0-nightly-20260821-2100, main, developer",
            "flatcar-4593.2.5,               flatcar, developer",
    })
    void bareVersionsAndUnknownPrefixesBelongToTheDeveloperGroup(String input, String prefix, String group) {
        VersionName name = VersionName.parse(input);

        assertThat(name.prefix()).isEqualTo(prefix);
        assertThat(name.group().id()).isEqualTo(group);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "4593.2.5            | is not a tag",
            "Stable-4593.2.5     | is not a tag",
            "stable_4593.2.5     | is not a tag",
            "stable-             | a version is required",
            "stable-4593.2       | is not a version",
            "main-4799.0.0-      | has no build id",
    })
    void rejectsMalformedTagsWithAReason(String input, String reason) {
        assertThatThrownBy(() -> Tag.parse(input))
                .isInstanceOf(MalformedVersionException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"4593.2.5, stable-4593.2.5", "4081.3.10, lts-4081.3.10", "4790.0.0, alpha-4790.0.0"})
    void releaseTagCarriesTheChannelOfTheMinor(String version, String tag) {
        assertThat(Tag.release(Version.parse(version)).name()).isEqualTo(tag);
    }

    @org.junit.jupiter.api.Test
    void tryParseAnswersEmptyForWhatIsNoTagAndTheTagOtherwise() {
        assertThat(Tag.tryParse("stable-4593.2.5")).map(Tag::name).contains("stable-4593.2.5");
        assertThat(Tag.tryParse("v2234.99.0")).isEmpty();
        assertThat(Tag.tryParse("main-04799.0.0")).isEmpty();
        assertThat(Tag.tryParse(null)).isEmpty();
        assertThat(VersionName.tryParse("4593.2.5")).map(VersionName::version).map(Version::versionId).contains("4593.2.5");
        assertThat(VersionName.tryParse("beta-")).isEmpty();
        assertThat(Version.tryParse("4799.0.0+nightly-20260821-2100")).map(Version::dashForm)
                .contains("4799.0.0-nightly-20260821-2100");
        assertThat(Version.tryParse("4799.0")).isEmpty();
    }
}
