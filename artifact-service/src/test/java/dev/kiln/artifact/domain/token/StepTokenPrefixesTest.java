package dev.kiln.artifact.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.CachePath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StepTokenPrefixesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T21:00:00Z");

    @Test
    void readsEveryPrefixAsADirectoryAndDropsThoseInsideAnother() {
        List<String> prefixes = StepTokenPrefixes.normalise(List.of("images/amd64/4593.2.5",
                "images/amd64/4593.2.5/sub/", "build-logs/4593.2.5/", "build-logs/4593.2.5/"));

        assertThat(prefixes).containsExactly("build-logs/4593.2.5/", "images/amd64/4593.2.5/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"images/", "images", "", "/images/amd64/4593.2.5/", "images/amd64/../../sdk/",
            "images/amd64/4593.2.5/../4593.2.6/", "images//amd64/", "images/amd64/%2e%2e/",
            "stable/amd64-usr/4593.2.5/", "lts/amd64-usr/current/", "images/amd64/4593.2.5\\x/"})
    void refusesPrefixesThatAreTooWideTraverseOrReachAChannel(String prefix) {
        assertThatThrownBy(() -> StepTokenPrefixes.normalise(List.of("build-logs/4593.2.5/", prefix)))
                .isInstanceOfSatisfying(ArtifactException.class,
                        e -> assertThat(e.slug()).isEqualTo("invalid-step-token-prefix"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "images/amd64/4593.2.5/flatcar_production_image.bin.bz2, true",
        "images/amd64/4593.2.5/sub/dir/file, true",
        "images/amd64/4593.2.50/flatcar_production_image.bin.bz2, false",
        "images/amd64/4593.2.5, false",
        "images/amd64/4593.2.5/, false",
        "images/arm64/4593.2.5/version.txt, false",
        "images/amd64/4593.2.6/version.txt, false",
        "boards/amd64-usr/4593.2.5/pkgs/Packages, true",
        "boards/amd64-usr/4593.2.5/version.txt, false",
    })
    void admitsFilesUnderItsPrefixesOnly(String path, boolean admitted) {
        StepGrant grant = new StepGrant("id", "k3xq9d2m7a", StepTokenPrefixes.normalise(
                List.of("images/amd64/4593.2.5/", "boards/amd64-usr/4593.2.5/pkgs/")), "service", NOW,
                NOW.plusSeconds(3600), null);

        assertThat(grant.admits(CachePath.parse(path))).isEqualTo(admitted);
    }

    @Test
    void isLiveUntilItExpiresOrIsRevoked() {
        StepGrant grant = new StepGrant("id", "k3xq9d2m7a", List.of("images/amd64/4593.2.5/"), "service", NOW,
                NOW.plusSeconds(60), null);

        assertThat(grant.isLive(NOW.plusSeconds(59))).isTrue();
        assertThat(grant.isLive(NOW.plusSeconds(60))).isFalse();
        assertThat(new StepGrant("id", "k3xq9d2m7a", List.of("images/amd64/4593.2.5/"), "service", NOW,
                NOW.plusSeconds(60), NOW.plusSeconds(1)).isLive(NOW.plusSeconds(2))).isFalse();
    }
}
