package dev.kiln.artifact.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheLayoutTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "sdk/amd64/4799.0.0+nightly-20260821-2100/flatcar-sdk-amd64-4799.0.0+nightly-20260821-2100.tar.bz2, sdk, 4799.0.0+nightly-20260821-2100, amd64",
        "containers/4799.0.0-nightly-20260821-2100/flatcar-sdk-all-4799.0.0-nightly-20260821-2100.tar.zst, containers, 4799.0.0+nightly-20260821-2100, -",
        "containers/4593.2.5/flatcar-packages-amd64-4593.2.5.id, containers, 4593.2.5, -",
        "boards/arm64-usr/4593.2.5/pkgs/Packages, boards, 4593.2.5, arm64",
        "images/amd64/4799.0.0+nightly-20260821-2100-INTERMEDIATE/version.txt, images, 4799.0.0+nightly-20260821-2100-INTERMEDIATE, amd64",
        "testing/4081.3.10/arm64/qemu_uefi/results-qemu_uefi.tap, testing, 4081.3.10, arm64",
        "testing/4081.3.10/summary.md, testing, 4081.3.10, -",
        "build-logs/4593.0.0/packages-amd64-logs-20260821.tar.xz, build-logs, 4593.0.0, -",
        "images/amd64/current/version.txt, images, -, amd64",
        "images/amd64, images, -, -",
        "developer/sdk/amd64/sdk-main-nightly.txt, developer, -, -",
        "README, '', -, -",
        "containers/3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54/x.tar.zst, containers, 3598.0.0+nightly-20230508-2100-github-2023_05_09__08_06_54, -",
        "images/amd64/4593.2/version.txt, images, -, amd64",
        "images/amd64/v4593.2.5/version.txt, images, -, amd64",
        "images/amd64/04593.2.5/version.txt, images, -, amd64",
    })
    void locatesAreaVersionAndArchInFlatcarsLayout(String path, String area, String version, String arch) {
        CacheLocation location = CacheLayout.locate(CachePath.parse(path));

        assertThat(location).isEqualTo(new CacheLocation(area, version, arch));
    }
}
