package dev.kiln.runner.domain.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.runner.domain.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepTokenScopeTest {

    private static final Instant NOW = Instant.parse("2026-08-21T21:00:00Z");

    @Test
    void aMainNightlyWritesItsOwnVersionsDirectoriesIncludingItsNewSdk() {
        Build build = started("full", Fixtures.MAIN_NIGHTLY, List.of("amd64", "arm64"), List.of("qemu_uefi"), Map.of());

        List<String> prefixes = StepTokenScope.prefixes(build);

        String v = "4799.0.0+nightly-20260821-2100";
        assertThat(prefixes).containsExactlyInAnyOrder(
                "boards/amd64-usr/" + v + "/pkgs/", "boards/arm64-usr/" + v + "/pkgs/",
                "build-logs/" + v + "/",
                "containers/4799.0.0-nightly-20260821-2100/",
                "images/amd64/" + v + "/", "images/arm64/" + v + "/",
                "sdk/amd64/" + v + "/",
                "testing/" + v + "/amd64/qemu_uefi/", "testing/" + v + "/arm64/qemu_uefi/");
    }

    @Test
    void aStableBuildWritesItsPackagesLogsUnderTheSdkVersionButNotTheSdkItself() {
        Build build = started("os", Fixtures.STABLE, List.of("amd64"), List.of("aws"), Map.of());

        List<String> prefixes = StepTokenScope.prefixes(build);

        assertThat(prefixes).contains("images/amd64/4593.2.5/", "boards/amd64-usr/4593.2.5/pkgs/",
                "containers/4593.2.5/", "build-logs/4593.2.5/", "build-logs/4593.0.0/", "testing/4593.2.5/amd64/aws/");
        assertThat(prefixes).noneMatch(p -> p.startsWith("sdk/") || p.startsWith("images/arm64/")
                || p.startsWith("images/amd64/4593.2.5/") && !p.equals("images/amd64/4593.2.5/"));
    }

    @Test
    void aSysextBuildWritesItsExtensionsDirectory() {
        Build build = started("sysext", Fixtures.STABLE, List.of("amd64", "arm64"), List.of(),
                Map.of("extension", "kubernetes", "extensionVersion", "v1.33.2"));

        assertThat(StepTokenScope.prefixes(build)).contains("sysexts/kubernetes-v1.33.2/");
    }

    @Test
    void anOutputsDirectoryEndsBeforeItsFirstGlobAndIsNeverShallowerThanTwoLevels() {
        assertThat(StepTokenScope.directoryOf("images/amd64/4593.2.5/flatcar_production_*_image.bin.bz2"))
                .contains("images/amd64/4593.2.5/");
        assertThat(StepTokenScope.directoryOf("build-logs/4593.0.0/packages-amd64-logs-*.tar.xz"))
                .contains("build-logs/4593.0.0/");
        assertThat(StepTokenScope.directoryOf("images/*/4593.2.5/version.txt")).isEmpty();
        assertThat(StepTokenScope.directoryOf("version.txt")).isEmpty();
    }

    private static Build started(String pipeline, VersionInfo version, List<String> arches, List<String> vendors,
            Map<String, String> params) {
        Build build = Build.create("k7xq2m4pza", Fixtures.bundled(pipeline),
                new BuildRequest(pipeline, null, version.tag(), arches, vendors, params, true, "ci"), NOW);
        build.start(version, NOW);
        return build;
    }
}
