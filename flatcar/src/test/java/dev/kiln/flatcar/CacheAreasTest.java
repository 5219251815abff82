package dev.kiln.flatcar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheAreasTest {

    private static final Version NIGHTLY = Version.parse("4799.0.0+nightly-20260821-2100");
    private static final Version STABLE = Version.parse("4593.2.5");

    @Test
    void buildAreasSpellTheVersionAsFlatcarsScriptsDo() {
        assertThat(CacheAreas.sdkDir("amd64", NIGHTLY)).isEqualTo("sdk/amd64/4799.0.0+nightly-20260821-2100/");
        assertThat(CacheAreas.containersDir(NIGHTLY)).isEqualTo("containers/4799.0.0-nightly-20260821-2100/");
        assertThat(CacheAreas.boardPackagesDir("arm64", NIGHTLY))
                .isEqualTo("boards/arm64-usr/4799.0.0+nightly-20260821-2100/pkgs/");
        assertThat(CacheAreas.imagesDir("amd64", STABLE)).isEqualTo("images/amd64/4593.2.5/");
        assertThat(CacheAreas.testingDir(NIGHTLY, "amd64", "qemu_uefi"))
                .isEqualTo("testing/4799.0.0+nightly-20260821-2100/amd64/qemu_uefi/");
        assertThat(CacheAreas.buildLogsDir(NIGHTLY)).isEqualTo("build-logs/4799.0.0+nightly-20260821-2100/");
    }

    @Test
    void channelDirectoriesAreServedPerBoard() {
        assertThat(CacheAreas.channelVersionDir(Channel.STABLE, "amd64", STABLE)).isEqualTo("stable/amd64-usr/4593.2.5/");
        assertThat(CacheAreas.channelCurrentDir(Channel.LTS, "arm64")).isEqualTo("lts/arm64-usr/current/");
    }

    @Test
    void boardNamesRoundTrip() {
        assertThat(CacheAreas.board("arm64")).isEqualTo("arm64-usr");
        assertThat(CacheAreas.boardArch("arm64-usr")).isEqualTo("arm64");
        assertThat(CacheAreas.boardArch("riscv")).isEqualTo("riscv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", "amd64/../x"})
    void refusesAnArchThatIsNotOneSegment(String arch) {
        assertThatThrownBy(() -> CacheAreas.imagesDir(arch, STABLE)).isInstanceOf(IllegalArgumentException.class);
    }
}
