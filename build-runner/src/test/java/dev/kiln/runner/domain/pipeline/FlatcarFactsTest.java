package dev.kiln.runner.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.flatcar.CacheAreas;
import dev.kiln.runner.domain.build.VersionInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Flatcar conventions the runner relies on: vms.sh format expansion, arch support, version spellings. */
class FlatcarFactsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vmware           | vmware vmware_ova vmware_raw",
            "vmware_ova       | vmware vmware_ova vmware_raw",
            "ami              | ami ami_vmdk",
            "aws              | ami ami_vmdk",
            "qemu_uefi        | qemu_uefi",
            "gce              | gce",
            "azure            | azure",
            "brightbox        | openstack",
            "qemu             | ''",
            "qemu_uefi_secure | ''",
            "qemu_update      | ''"})
    void expandsVendorsIntoTheFormatsVmsShBuilds(String vendor, String formats) {
        List<String> expected = formats.isEmpty() ? List.of() : Arrays.asList(formats.split(" "));
        assertThat(VendorImages.formats(vendor)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "qemu_uefi, arm64, true", "azure, arm64, true", "ami, arm64, true", "hetzner, arm64, true",
            "gce, arm64, false", "digitalocean, arm64, false", "vmware, arm64, false", "brightbox, arm64, false",
            "gce, amd64, true", "vmware, amd64, true"})
    void knowsWhichVendorImagesExistOnArm64(String vendor, String arch, boolean supported) {
        assertThat(VendorImages.supports(vendor, arch)).isEqualTo(supported);
    }

    @ParameterizedTest
    @CsvSource({
            "4799.0.0+nightly-20260821-2100, 4799.0.0-nightly-20260821-2100",
            "4799.0.0+nightly-20260821-2100-INTERMEDIATE, 4799.0.0-nightly-20260821-2100-INTERMEDIATE",
            "4593.2.5, 4593.2.5"})
    void writesTheDockerSpellingOfAVersion(String plus, String minus) {
        assertThat(version(plus, "4593.2.5").versionDocker()).isEqualTo(minus);
        assertThat(version("4593.2.5", plus).sdkVersionDocker()).isEqualTo(minus);
    }

    /**
     * Flatcar's vernum_to_docker_image_version turns every '+' into '-', also a second one from 2023 GitHub builds;
     * the shared {@code Version} does not read such a build id, and version-service never hands one out.
     */
    @org.junit.jupiter.api.Test
    void refusesTheHistoricVersionWithTwoPlusSigns() {
        assertThatThrownBy(() -> version("3598.0.0+nightly-20230508-2100+github-x", "4593.2.5").versionDocker())
                .isInstanceOf(dev.kiln.flatcar.MalformedVersionException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "main-4799.0.0-nightly-20260821-2100, developer", "alpha-4790.0.0, alpha", "beta-4757.1.0, beta",
            "stable-4593.2.5, stable", "lts-4081.3.10, lts", "lts-4081.3.10-nightly-20260821-2100, lts",
            "sdk-3199.0.0-nightly-20220404-0140, developer"})
    void derivesTheChannelFromTheTagLikeChannelFromVersion(String tag, String channel) {
        assertThat(new VersionInfo(tag, "4593.2.5", "4593.2.5", "", "4593.2.5", null, null, null).channelOrGroup())
                .isEqualTo(channel);
    }

    @ParameterizedTest
    @CsvSource({"amd64, amd64-usr, x86-64", "arm64, arm64-usr, arm64"})
    void spellsArchesAsBoardsAndSysextArches(String arch, String board, String sysext) {
        assertThat(CacheAreas.board(arch)).isEqualTo(board);
        assertThat(Arches.sysextArch(arch)).isEqualTo(sysext);
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "30m, PT30M", "4h, PT4H", "1h30m, PT1H30M", "500ms, PT0.5S", "2m30s, PT2M30S"})
    void parsesPipelineDurations(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"4 hours", "h", "-5m", "1.5h", "''"})
    void rejectsOtherDurationSpellings(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"1, PT2M", "2, PT4M", "3, PT8M", "4, PT10M", "9, PT10M"})
    void backsOffExponentiallyUpToTheCap(int failedAttempt, Duration delay) {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMinutes(2), 2.0, Duration.ofMinutes(10));

        assertThat(policy.delayAfter(failedAttempt)).isEqualTo(delay);
    }

    @ParameterizedTest
    @CsvSource({"1, 0, true", "1, 1, false", "3, 2, true", "3, 3, false"})
    void allowsAsManyAttemptsPerRoundAsConfigured(int attempts, int used, boolean another) {
        RetryPolicy policy = new RetryPolicy(attempts, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10));

        assertThat(policy.allowsAnother(used)).isEqualTo(another);
    }

    private static VersionInfo version(String version, String sdkVersion) {
        return new VersionInfo("main-4799.0.0", version, "4799.0.0", "", sdkVersion, null, null, null);
    }
}
