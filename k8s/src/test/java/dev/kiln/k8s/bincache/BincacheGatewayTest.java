package dev.kiln.k8s.bincache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flatcar's unchanged wrappers against the bincache gateway: copy_to_buildcache's ssh and rsync calls
 * land in Kiln's cache, reads of https://${BUILDCACHE_SERVER}/<path> are the cache's, and nothing else
 * gets through. Real sshd, rsync, nginx and curl; a stand-in for artifact-service's /cache contract.
 */
class BincacheGatewayTest {

    private static final String PREFIX = "/mnt/buckets/linode-bincache";
    private static final String VERSION = "4593.0.0+nightly-20261206-2100";
    private static final String TOKEN = "upload-token-for-tests";

    @TempDir
    static Path dir;
    private static FakeCache cache;
    private static BincacheGateway gateway;

    @TempDir
    Path work;

    @BeforeAll
    static void startGateway() throws IOException {
        cache = new FakeCache();
        gateway = new BincacheGateway(Path.of("bincache"), dir, cache.url(), TOKEN);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
        cache.close();
    }

    @BeforeEach
    void emptyCache() {
        cache.stored().clear();
    }

    @Test
    void copyToBuildcacheStoresEveryFileUnderItsCachePathWithTheUploadToken() throws IOException {
        byte[] image = new byte[3_000_000];
        new Random(7).nextBytes(image);
        Files.write(work.resolve("flatcar_production_image.bin.bz2"), image);
        Files.writeString(work.resolve("flatcar_production_image.bin.bz2.DIGESTS"), "# SHA512 HASH\n");
        Files.createSymbolicLink(work.resolve("flatcar_production_image.bin.bz2.link"),
                Path.of("flatcar_production_image.bin.bz2"));
        String remote = PREFIX + "/images/amd64/" + VERSION + "/";

        var mkdir = gateway.ssh("mkdir -p " + remote);
        var rsync = gateway.rsync(List.of(work + "/flatcar_production_image.bin.bz2",
                work + "/flatcar_production_image.bin.bz2.DIGESTS", work + "/flatcar_production_image.bin.bz2.link",
                gateway.login() + ":" + remote));

        assertThat(mkdir.exit()).as(mkdir.stderr()).isZero();
        assertThat(rsync.exit()).as(rsync.stderr() + gateway.logs()).isZero();
        String dirPath = "images/amd64/" + VERSION + "/";
        assertThat(cache.stored()).containsOnlyKeys(dirPath + "flatcar_production_image.bin.bz2",
                dirPath + "flatcar_production_image.bin.bz2.DIGESTS", dirPath + "flatcar_production_image.bin.bz2.link");
        assertThat(cache.stored().get(dirPath + "flatcar_production_image.bin.bz2").body()).isEqualTo(image);
        assertThat(cache.stored().get(dirPath + "flatcar_production_image.bin.bz2.link").body()).isEqualTo(image);
        assertThat(cache.stored().values()).allSatisfy(
                stored -> assertThat(stored.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(gateway.spool()).isEmptyDirectory();
    }

    @Test
    void aDirectoryIsStoredWithItsTree() throws IOException {
        Path kolaTemp = Files.createDirectories(work.resolve("_kola_temp/qemu-2026-12-06/cl.basic"));
        Files.writeString(kolaTemp.resolve("journal.txt"), "boot ok\n");
        Files.writeString(work.resolve("results-qemu.tap"), "ok 1 - cl.basic\n");
        String remote = PREFIX + "/testing/" + VERSION + "/amd64/qemu";

        var rsync = gateway.rsync(List.of(work + "/results-qemu.tap", work + "/_kola_temp",
                gateway.login() + ":" + remote));

        assertThat(rsync.exit()).as(rsync.stderr()).isZero();
        String dirPath = "testing/" + VERSION + "/amd64/qemu/";
        assertThat(cache.stored()).containsOnlyKeys(dirPath + "results-qemu.tap",
                dirPath + "_kola_temp/qemu-2026-12-06/cl.basic/journal.txt");
    }

    @Test
    void aFailedUploadFailsTheCopyAndSaysWhich() throws IOException {
        Files.writeString(work.resolve("flatcar-sdk-amd64-4593.0.0.tar.bz2"), "sdk");
        String dirPath = "sdk/amd64/4593.0.0/";
        cache.failUploadsTo(dirPath + "flatcar-sdk-amd64-4593.0.0.tar.bz2");

        var rsync = gateway.rsync(List.of(work + "/flatcar-sdk-amd64-4593.0.0.tar.bz2",
                gateway.login() + ":" + PREFIX + "/" + dirPath));

        assertThat(rsync.exit()).isNotZero();
        assertThat(rsync.stderr()).contains("upload of " + dirPath + "flatcar-sdk-amd64-4593.0.0.tar.bz2 failed");
        assertThat(cache.stored()).isEmpty();
        assertThat(gateway.spool()).isEmptyDirectory();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            garbage collection over ssh | rm -rf /mnt/buckets/linode-bincache/images | only Flatcar's copy_to_buildcache
            a shell                      | bash -i                                   | only Flatcar's copy_to_buildcache
            mkdir outside the prefix    | mkdir -p /etc/cron.d                      | /etc/cron.d is not under /mnt/buckets/linode-bincache/
            mkdir climbing out          | mkdir -p /mnt/buckets/linode-bincache/../x | bad cache path
            """)
    void commandsOtherThanCopyToBuildcacheAreRefused(String what, String command, String message) {
        var result = gateway.ssh(command);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stderr()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a path outside the prefix   | -a                 | /tmp/elsewhere/                                  | is not under
            a path climbing out         | -a                 | /mnt/buckets/linode-bincache/images/../../../tmp/ | bad cache path
            deleting on the receiver    | --delete           | /mnt/buckets/linode-bincache/images/amd64/        | rsync option '--delete' is not allowed
            a backup dir on the gateway | --backup-dir=/tmp  | /mnt/buckets/linode-bincache/images/amd64/        | is not allowed
            """)
    void uploadsOutsideTheCacheOrWithReceiverSideEffectsAreRefused(String what, String option, String remote,
            String message) throws IOException {
        Files.writeString(work.resolve("file"), "x");

        var rsync = gateway.rsync(List.of(option, work + "/file", gateway.login() + ":" + remote));

        assertThat(rsync.exit()).isNotZero();
        assertThat(rsync.stderr()).contains(message);
        assertThat(cache.stored()).isEmpty();
    }

    @Test
    void downloadsOverRsyncAreRefusedWithWhereToReadInstead() {
        var rsync = gateway.rsync(List.of(gateway.login() + ":" + PREFIX + "/images/", work.toString()));

        assertThat(rsync.exit()).isNotZero();
        assertThat(rsync.stderr()).contains("read the cache over https://${BUILDCACHE_SERVER}/");
    }

    @Test
    void readsOverHttpsAndHttpAreTheCachesWithoutRedirect() {
        cache.put("images/arm64/" + VERSION + "/version.txt", "FLATCAR_VERSION=" + VERSION + "\n");
        String path = "/images/arm64/" + VERSION + "/version.txt";

        var https = gateway.curl("--fail", "--cacert", gateway.caCertificate().toString(), gateway.httpsUrl() + path);
        var http = gateway.curl("--fail", gateway.httpUrl() + path);
        var listing = gateway.curl("--fail", "-H", "Accept: application/json", gateway.httpUrl() + "/images/arm64/");
        var missing = gateway.curl("-o", "/dev/null", "-w", "%{http_code}", gateway.httpUrl() + "/images/none");

        assertThat(https.exit()).as(https.stderr() + gateway.logs()).isZero();
        assertThat(https.stdout()).isEqualTo("FLATCAR_VERSION=" + VERSION + "\n");
        assertThat(http.stdout()).isEqualTo(https.stdout());
        assertThat(listing.stdout()).isEqualTo("listing of images/arm64/ as application/json");
        assertThat(missing.stdout()).isEqualTo("404");
    }

    @Test
    void writesOverHttpAreRefused() {
        var put = gateway.curl("-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "--data", "x",
                "-H", "Authorization: Bearer " + TOKEN, gateway.httpUrl() + "/images/x");
        var delete = gateway.curl("-o", "/dev/null", "-w", "%{http_code}", "-X", "DELETE", gateway.httpUrl() + "/images/x");

        assertThat(put.stdout()).isEqualTo("405");
        assertThat(delete.stdout()).isEqualTo("405");
        assertThat(cache.stored()).isEmpty();
    }

}
