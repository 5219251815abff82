package dev.kiln.artifact.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CachePathTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "sdk/amd64/4799.0.0+nightly-20260821-2100/flatcar-sdk-amd64-4799.0.0+nightly-20260821-2100.tar.bz2",
        "sdk/amd64/4799.0.0+nightly-20260821-2100/flatcar-sdk-amd64-4799.0.0+nightly-20260821-2100.tar.bz2.DIGESTS.asc",
        "containers/4799.0.0-nightly-20260821-2100/flatcar-packages-arm64-4799.0.0-nightly-20260821-2100.tar.zst",
        "containers/4593.2.5/flatcar-sdk-all-4593.2.5.id",
        "boards/amd64-usr/4593.2.5/pkgs/dev-libs/libsigc++-2.12.1.gpkg.tar",
        "boards/arm64-usr/4081.3.10/pkgs/Packages",
        "images/amd64/4799.0.0+nightly-20260821-2100/flatcar_production_image.bin.bz2",
        "images/arm64/4593.2.5/oem-azure.raw.sig",
        "testing/4799.0.0+nightly-20260821-2100/amd64/qemu_uefi/results-qemu_uefi.tap",
        "testing/4593.2.5/amd64/qemu/_kola_temp/qemu-2026-08-21-2100-1234/cl.basic/journal.txt",
        "build-logs/4799.0.0+nightly-20260821-2100/sdk-bootstrap-logs-4799.0.0+nightly-20260821-2100.tar.xz",
        "containers/3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54/flatcar-sdk-all.tar.zst",
        "a/b~c@d,e:f=g",
        "images/amd64/",
        ""
    })
    void acceptsFlatcarCachePaths(String path) {
        assertThat(CachePath.parse(path).value()).isEqualTo(path);
    }

    static Stream<Arguments> unsafePaths() {
        return Stream.of(
                Arguments.of("/images/amd64/x", "must be relative"),
                Arguments.of("images/../../etc/passwd", "'..' segments"),
                Arguments.of("..", "'..' segments"),
                Arguments.of("images/./x", "'.' segments"),
                Arguments.of("./x", "'.' segments"),
                Arguments.of("images/...", "'...' segments"),
                Arguments.of("images//amd64/x", "empty segments"),
                Arguments.of("images\\amd64\\x", "backslash"),
                Arguments.of("images/amd64/x y", "must not contain ' '"),
                Arguments.of("images/amd64/x%2e", "must not contain '%'"),
                Arguments.of("images/amd64/fl\u00e4t", "must not contain '\u00e4'"),
                Arguments.of("images/amd64/x?y", "must not contain '?'"),
                Arguments.of("images/amd64/x#y", "must not contain '#'"),
                Arguments.of("images/amd64/x\"y", "must not contain '\"'"),
                Arguments.of("images/amd64/x<y>", "must not contain '<'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafePaths")
    void refusesUnsafePathsSayingWhich(String path, String reason) {
        assertThatThrownBy(() -> CachePath.parse(path)).isInstanceOf(InvalidPathException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refusesControlCharacters() {
        for (String path : new String[] {"a\u0000b", "a\nb", "a\rb", "a\tb", "a\u007fb", "a\u001bb"}) {
            assertThatThrownBy(() -> CachePath.parse(path)).hasMessageContaining("control characters");
        }
    }

    @Test
    void refusesKeysLongerThanS3Allows() {
        String segment = "x".repeat(200);
        String longest = String.join("/", segment, segment, segment, segment, segment) + "/" + "y".repeat(19);

        assertThat(CachePath.parse(longest).value()).hasSize(1024);
        assertThatThrownBy(() -> CachePath.parse(longest + "z")).hasMessageContaining("longer than 1024 bytes");
        assertThatThrownBy(() -> CachePath.parse("a/" + "x".repeat(256))).hasMessageContaining("segment is longer");
    }

    @Test
    void filePathsMustNotNameADirectory() {
        assertThatThrownBy(() -> CachePath.file("images/amd64/")).hasMessageContaining("names a directory");
        assertThatThrownBy(() -> CachePath.file("")).hasMessageContaining("names a directory");
    }

    @Test
    void knowsNamesSiblingsAndDirectories() {
        CachePath file = CachePath.file("images/amd64/4593.2.5/flatcar_production_image.bin.bz2");

        assertThat(file.name()).isEqualTo("flatcar_production_image.bin.bz2");
        assertThat(file.sibling("version.txt").value()).isEqualTo("images/amd64/4593.2.5/version.txt");
        assertThat(CachePath.parse("images/amd64").asDirectory().value()).isEqualTo("images/amd64/");
        assertThat(CachePath.parse("images/amd64/").segments()).containsExactly("images", "amd64");
        assertThat(CachePath.ROOT.isRoot()).isTrue();
        assertThat(CachePath.ROOT.isDirectory()).isTrue();
    }
}
