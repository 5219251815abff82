package dev.kiln.localstack.testsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.flatcar.Version;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageCheckTest {

    private static final Version V4790_0_1 = Version.parse("4790.0.1");
    private static final String DIR = "images/amd64/4790.0.1/";

    private final FakeCache cache = new FakeCache();
    private final ImageCheck check = new ImageCheck(new CacheFiles(HttpClient.newHttpClient()));

    static byte[] versionTxt(String version, String id) {
        String[] n = id.split("\\.");
        return ("FLATCAR_BUILD=" + n[0] + "\nFLATCAR_BRANCH=" + n[1] + "\nFLATCAR_PATCH=" + n[2] + "\nFLATCAR_VERSION="
                + version + "\nFLATCAR_VERSION_ID=" + id + "\nFLATCAR_BUILD_ID=\"\"\nFLATCAR_SDK_VERSION=4790.0.0\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] image(long seed) {
        byte[] bytes = new byte[300_000];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @BeforeEach
    void aBuiltCandidate() {
        cache.putWithDigests(DIR + "version.txt", versionTxt("4790.0.1", "4790.0.1"));
        cache.putWithDigests(DIR + "flatcar_production_image.bin.bz2", image(1));
        cache.putWithDigests(DIR + "flatcar_production_qemu_uefi_image.img.bz2", image(2));
    }

    @AfterEach
    void stop() {
        cache.close();
    }

    @Test
    void aCandidateWhoseFilesMatchTheirDigestsAndItsVersionHasNoProblem() {
        ArchCheck result = check.check("amd64", cache.url(DIR), V4790_0_1, List.of("qemu_uefi"));

        assertThat(result.archProblems()).isEmpty();
        assertThat(result.vendorProblems()).containsEntry("qemu_uefi", List.of());
    }

    @Test
    void aVersionTxtOfAnotherVersionIsAProblemOfTheWholeArch() {
        cache.putWithDigests(DIR + "version.txt", versionTxt("4790.0.0", "4790.0.0"));

        ArchCheck result = check.check("amd64", cache.url(DIR), V4790_0_1, List.of("qemu_uefi"));

        assertThat(result.archProblems()).containsExactly(
                "version.txt says FLATCAR_VERSION=4790.0.0, the candidate is 4790.0.1");
        assertThat(result.problemsFor(new Target("kola", "amd64", "qemu_uefi", 2))).hasSize(1);
    }

    @Test
    void anImageThatDiffersFromItsDigestsFileIsAProblem() {
        cache.put(DIR + "flatcar_production_image.bin.bz2", image(99));

        ArchCheck result = check.check("amd64", cache.url(DIR), V4790_0_1, List.of("qemu_uefi"));

        assertThat(result.archProblems()).singleElement().satisfies(p ->
                assertThat(p).startsWith("flatcar_production_image.bin.bz2: MD5 listed").contains("SHA512 listed"));
    }

    @Test
    void aMissingVendorImageOrDigestsFileIsAProblemOfItsOwn() {
        cache.remove(DIR + "flatcar_production_qemu_uefi_image.img.bz2");
        cache.remove(DIR + "version.txt.DIGESTS");

        ArchCheck result = check.check("amd64", cache.url(DIR), V4790_0_1, List.of("qemu_uefi"));

        assertThat(result.archProblems()).containsExactly("version.txt.DIGESTS is missing: nothing to check version.txt against");
        assertThat(result.vendorProblems().get("qemu_uefi")).singleElement().satisfies(p ->
                assertThat(p).startsWith("flatcar_production_qemu_uefi_image.img.bz2 is missing at http://127.0.0.1:"));
    }

    @Test
    void anUnreachableCacheIsNoTestResult() {
        String gone = cache.url(DIR);
        cache.close();

        assertThatThrownBy(() -> check.check("amd64", gone, V4790_0_1, List.of())).isInstanceOf(Unavailable.class);
    }
}
