package dev.kiln.runner.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.runner.domain.port.ArtifactCache;
import dev.kiln.runner.support.FakeCache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The runner's cache port through the shared artifact-service client, against the fake artifact-service. */
@QuarkusTest
class ArtifactServiceCacheTest {

    @Inject
    ArtifactCache artifactCache;

    @Inject
    FakeCache fake;

    /** A nightly's directory of its own per test, so that tests share the fake's files without meeting. */
    private final String nightly = "4593.0.0+nightly-20261207-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void findsAFileWhosePathCarriesFlatcarsPlus() {
        String image = "images/amd64/" + nightly + "/flatcar_production_image.bin.bz2";
        fake.put(image, "BZh91AY&SY");

        assertThat(artifactCache.exists(image)).isTrue();
        assertThat(artifactCache.exists("images/arm64/" + nightly + "/flatcar_production_image.bin.bz2")).isFalse();
    }

    @Test
    void listsTheNamesDirectlyUnderADirectory() {
        String packages = "boards/amd64-usr/" + nightly + "/pkgs/";
        fake.put(packages + "Packages", "PACKAGES: 2\n");
        fake.put(packages + "sys-kernel/coreos-kernel-6.6.100.gpkg.tar", "kernel");
        fake.put(packages + "dev-libs/libsigc++-2.12.1.gpkg.tar", "sigc");

        assertThat(artifactCache.list(packages)).containsExactlyInAnyOrder("Packages", "sys-kernel", "dev-libs");
        assertThat(artifactCache.list(packages + "dev-libs")).containsExactly("libsigc++-2.12.1.gpkg.tar");
        assertThat(artifactCache.list("boards/arm64-usr/" + nightly + "/pkgs/")).isEmpty();
    }

    @Test
    void storesAStreamAndOpensItAgain() throws IOException {
        String log = "build-logs/" + nightly + "/image-amd64/attempt-1.log";

        artifactCache.upload(log, stream(">>> Building flatcar_production_image.bin for amd64-usr\n"));

        assertThat(fake.read(log)).isEqualTo(">>> Building flatcar_production_image.bin for amd64-usr\n");
        try (InputStream opened = artifactCache.open(log).orElseThrow()) {
            assertThat(new String(opened.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(">>> Building flatcar_production_image.bin for amd64-usr\n");
        }
        assertThat(artifactCache.open("build-logs/" + nightly + "/image-arm64/attempt-1.log")).isEmpty();
    }

    @Test
    void takesTheAnswerToARepeatedUploadOfTheSameBytesAsStored() throws IOException {
        String digests = "images/amd64/" + nightly + "/flatcar_production_image.bin.bz2.DIGESTS";
        artifactCache.upload(digests, stream("# SHA512 HASH\n"));
        Object written = fileKey(digests);

        artifactCache.upload(digests, stream("# SHA512 HASH\n"));

        assertThat(fake.read(digests)).isEqualTo("# SHA512 HASH\n");
        assertThat(fileKey(digests)).as("the file the first upload wrote, not a new one").isEqualTo(written);
    }

    private Object fileKey(String path) throws IOException {
        return Files.readAttributes(fake.file(path), BasicFileAttributes.class).fileKey();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
