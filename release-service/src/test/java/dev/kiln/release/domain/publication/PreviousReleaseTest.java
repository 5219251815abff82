package dev.kiln.release.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.flatcar.Version;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviousReleaseTest {

    private static List<Version> versions(String... texts) {
        return List.of(texts).stream().map(Version::parse).toList();
    }

    @Test
    void aPatchIsComparedWithTheChannelsPreviousReleaseOfItsMajor() {
        assertThat(PreviousRelease.of(Version.parse("4593.2.5"), versions("4593.2.3", "4593.2.4", "4593.1.1", "4459.2.4")))
                .contains(Version.parse("4593.2.4"));
    }

    @Test
    void theFirstReleaseOfAMajorInAChannelIsComparedWithItsPromotionSource() {
        assertThat(PreviousRelease.of(Version.parse("4593.2.0"), versions("4459.2.4", "4593.1.0", "4593.1.1")))
                .contains(Version.parse("4593.1.1"));
    }

    @Test
    void withoutASourceTheChannelsNewestEarlierReleaseIsUsed() {
        assertThat(PreviousRelease.of(Version.parse("4790.0.0"), versions("4762.0.0", "4593.2.5"))).contains(Version.parse("4762.0.0"));
        assertThat(PreviousRelease.of(Version.parse("4790.0.0"), versions("4593.2.5"))).isEqualTo(Optional.empty());
    }
}
