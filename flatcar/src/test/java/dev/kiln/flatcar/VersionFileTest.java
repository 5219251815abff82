package dev.kiln.flatcar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionFileTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"main-nightly", "lts-release", "new-major-alpha", "maintenance-nightly", "intermediate", "dev-build"})
    void realScriptsRepoFileRoundTripsByteForByte(String name) {
        byte[] original = golden(name);

        byte[] written = VersionFile.parse(new String(original, StandardCharsets.UTF_8)).render().getBytes(StandardCharsets.UTF_8);

        assertThat(written).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"image-stable-release", "image-main-nightly", "image-lts-release"})
    void realImageSideFileRoundTripsByteForByte(String name) {
        byte[] original = golden(name);

        byte[] written = ImageVersionFile.parse(new String(original, StandardCharsets.UTF_8)).render().getBytes(StandardCharsets.UTF_8);

        assertThat(written).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // golden file       | FLATCAR_VERSION                            | build id                            | SDK
            "main-nightly,         4799.0.0+nightly-20260821-2100,              nightly-20260821-2100,                4799.0.0+nightly-20260821-2100",
            "lts-release,          4081.3.10,                                   -,                                    4081.0.0",
            "new-major-alpha,      4790.0.0,                                    -,                                    4790.0.0",
            "maintenance-nightly,  4593.2.5+nightly-20260822-2100,              nightly-20260822-2100,                4593.0.0",
            "intermediate,         4799.0.0+nightly-20260821-2100-INTERMEDIATE, nightly-20260821-2100-INTERMEDIATE,   4799.0.0+nightly-20260821-2100-INTERMEDIATE",
    })
    void readsTheValues(String name, String version, String buildId, String sdk) {
        VersionFile file = VersionFile.parse(new String(golden(name), StandardCharsets.UTF_8));

        assertThat(file.version().plusForm()).isEqualTo(version);
        assertThat(file.version().buildId()).isEqualTo(buildId);
        assertThat(file.sdkVersion().plusForm()).isEqualTo(sdk);
    }

    @Test
    void writesWhatCreateVersionfileWritesForANightly() {
        VersionFile file = new VersionFile(Version.parse("4799.0.0+nightly-20260821-2100"), Version.parse("4799.0.0+nightly-20260821-2100"));

        String text = file.render();

        assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(golden("main-nightly"));
    }

    @Test
    void imageSideFileAddsTheSplitVersionInFront() {
        VersionFile file = VersionFile.parse(new String(golden("lts-release"), StandardCharsets.UTF_8));

        String text = new ImageVersionFile(file).render();

        assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(golden("image-lts-release"));
    }

    @Test
    void toleratesLegacySetVersionKeysAndDropsThemWhenWriting() {
        String legacy = new String(golden("lts-release"), StandardCharsets.UTF_8)
                + "FLATCAR_DEV_BUILDS=https://bincache.flatcar-linux.net\n";

        String written = VersionFile.parse(legacy).render();

        assertThat(written.getBytes(StandardCharsets.UTF_8)).isEqualTo(golden("lts-release"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "FLATCAR_VERSION=4081.3.10\\nFLATCAR_VERSION_ID=4081.3.10\\nFLATCAR_BUILD_ID=\"\"\\n                                             | has no FLATCAR_SDK_VERSION",
            "FLATCAR_VERSION=4081.3.10\\nFLATCAR_VERSION_ID=4081.3.9\\nFLATCAR_BUILD_ID=\"\"\\nFLATCAR_SDK_VERSION=4081.0.0\\n                   | does not match FLATCAR_VERSION",
            "FLATCAR_VERSION=4081.3.10\\nFLATCAR_VERSION_ID=4081.3.10\\nFLATCAR_BUILD_ID=\"dev1\"\\nFLATCAR_SDK_VERSION=4081.0.0\\n              | FLATCAR_BUILD_ID=\"dev1\" does not match",
            "FLATCAR_VERSION=4081.3.10\\nFLATCAR_VERSION=4081.3.10\\n                                                                          | sets FLATCAR_VERSION twice",
            "FLATCAR_VERSION=4081.3.10\\nthis is not an assignment\\n                                                                          | is not KEY=value",
            "FLATCAR_VERSION=4081.3\\nFLATCAR_VERSION_ID=4081.3\\nFLATCAR_BUILD_ID=\"\"\\nFLATCAR_SDK_VERSION=4081.0.0\\n                         | FLATCAR_VERSION: '4081.3' is not a version",
            "FLATCAR_VERSION=4081.3.10 4081.3.11\\nFLATCAR_VERSION_ID=4081.3.10\\nFLATCAR_BUILD_ID=\"\"\\nFLATCAR_SDK_VERSION=4081.0.0\\n     | would not read as one word",
    })
    void rejectsBrokenFilesWithAReason(String escaped, String reason) {
        String text = escaped.strip().replace("\\n", "\n");

        assertThatThrownBy(() -> VersionFile.parse(text)).isInstanceOf(MalformedVersionException.class).hasMessageContaining(reason);
    }

    @Test
    void rejectsAnImageSideFileWhoseSplitDisagrees() {
        String text = new String(golden("image-lts-release"), StandardCharsets.UTF_8).replace("FLATCAR_PATCH=10", "FLATCAR_PATCH=9");

        assertThatThrownBy(() -> ImageVersionFile.parse(text)).isInstanceOf(MalformedVersionException.class)
                .hasMessageContaining("do not match FLATCAR_VERSION_ID=4081.3.10");
    }

    private static byte[] golden(String name) {
        try (InputStream in = VersionFileTest.class.getResourceAsStream("/VersionFileTest/" + name + ".txt")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
