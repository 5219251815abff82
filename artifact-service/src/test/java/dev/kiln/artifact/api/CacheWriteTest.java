package dev.kiln.artifact.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.artifact.domain.DigestsFile;
import dev.kiln.artifact.domain.Digests;
import dev.kiln.artifact.domain.MultiDigest;
import dev.kiln.artifact.storage.UploadBuffers;
import dev.kiln.artifact.support.CacheHttp;
import dev.kiln.artifact.support.Database;
import dev.kiln.artifact.support.GeneratedBytes;
import dev.kiln.testing.badinput.RawHttp;
import dev.kiln.artifact.support.S3Direct;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.testing.EventReader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Streaming writes against the real S3 server and PostgreSQL. */
@QuarkusTest
class CacheWriteTest {

    private static final int MIB = 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    @Inject
    UploadBuffers buffers;

    private final String version = "4799.0.0+nightly-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void storesA300MegabyteStreamAndServesItBackByteForByte() {
        long size = 300L * MIB;
        String path = "images/amd64/" + version + "/flatcar_production_image.bin.bz2";
        Digests expected = digestsOf(42, size);
        CacheHttp http = new CacheHttp(base);

        HttpResponse<String> put = http.put(path, () -> new GeneratedBytes(42, size), -1,
                "X-Kiln-SHA256", expected.sha256());
        CacheHttp.Download download = http.download(path);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        assertThat(put.body()).contains("\"size\":" + size).contains("\"sha256\":\"" + expected.sha256() + "\"");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentLength()).isEqualTo(Long.toString(size));
        assertThat(download.size()).isEqualTo(size);
        assertThat(download.sha256()).isEqualTo(expected.sha256());
        given().get("/cache/" + path + ".DIGESTS").then().statusCode(200)
                .body(equalTo(new String(DigestsFile.render("flatcar_production_image.bin.bz2", expected),
                        StandardCharsets.UTF_8)));
        given().get("/api/v1/artifacts/" + path).then().statusCode(200).body("size", equalTo((int) size))
                .body("sha256", equalTo(expected.sha256())).body("md5", equalTo(expected.md5()))
                .body("uploadedBy", equalTo("builder")).body("version", equalTo(version));
    }

    @Test
    void refusesADigestMismatchAndLetsNothingBecomeVisible() {
        String small = "images/amd64/" + version + "/version.txt";
        String large = "images/amd64/" + version + "/flatcar_production_update.bin.bz2";
        CacheHttp http = new CacheHttp(base);
        String wrong = "0".repeat(64);

        HttpResponse<String> smallPut = http.put(small, () -> new ByteArrayInputStream(bytes("FLATCAR_BUILD=4799\n")), 19,
                "X-Kiln-SHA256", wrong);
        HttpResponse<String> largePut = http.put(large, () -> new GeneratedBytes(7, 12L * MIB), 12L * MIB,
                "X-Kiln-SHA256", wrong);

        for (HttpResponse<String> response : List.of(smallPut, largePut)) {
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("https://kiln.dev/problems/digest-mismatch");
        }
        assertNothingStoredUnder("images/amd64/" + version + "/");
    }

    @Test
    void refusesAMalformedExpectedDigestBeforeReadingTheBody() {
        HttpResponse<String> put = new CacheHttp(base).put("images/amd64/" + version + "/x", () ->
                new ByteArrayInputStream(bytes("x")), 1, "X-Kiln-SHA256", "not-a-digest");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("https://kiln.dev/problems/invalid-request");
        assertNothingStoredUnder("images/amd64/" + version + "/");
    }

    @Test
    void leavesNothingBehindWhenTheClientDisconnectsMidUpload() {
        String directory = "sdk/amd64/" + version + "/";
        RawHttp raw = new RawHttp(base);

        raw.abandonUpload("/cache/" + directory + "flatcar-sdk-amd64-" + version + ".tar.bz2", 40L * MIB,
                new GeneratedBytes(3, 40L * MIB), 17L * MIB, "Authorization: Bearer " + CacheHttp.BUILDER_TOKEN);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(buffers.availableKib()).isEqualTo(buffers.budgetKib());
            assertThat(S3Direct.incompleteUploads(directory)).isEmpty();
        });
        assertNothingStoredUnder(directory);
        assertThat(Database.column("select write_id from pending_write where path like ?", directory + "%")).isEmpty();
    }

    @Test
    void twoConcurrentWritersLeaveOneWholeObjectWithMatchingMetadata() throws Exception {
        String path = "containers/" + version.replace('+', '-') + "/flatcar-packages-amd64.tar.zst";
        long size = 11L * MIB;
        Digests first = digestsOf(100, size);
        Digests second = digestsOf(200, size);
        CacheHttp http = new CacheHttp(base);

        for (int round = 0; round < 3; round++) {
            CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() ->
                    http.put(path, () -> new GeneratedBytes(100, size), size));
            CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() ->
                    http.put(path, () -> new GeneratedBytes(200, size), size));
            // from the second round on, the writer of the bytes already there may find them unchanged (200)
            assertThat(a.get().statusCode()).isIn(200, 201);
            assertThat(b.get().statusCode()).isIn(200, 201);

            String stored = http.download(path).sha256();
            assertThat(stored).isIn(first.sha256(), second.sha256());
            given().get("/api/v1/artifacts/" + path).then().statusCode(200).body("sha256", equalTo(stored));
            Digests winner = stored.equals(first.sha256()) ? first : second;
            given().get("/cache/" + path + ".DIGESTS").then().statusCode(200).body(equalTo(
                    new String(DigestsFile.render("flatcar-packages-amd64.tar.zst", winner), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void announcesEveryStoredFileThroughTheOutbox() {
        String path = "build-logs/" + version + "/sdk-bootstrap-logs.tar.xz";

        try (EventReader reader = new EventReader("kiln.artifacts")) {
            new CacheHttp(base).put(path, () -> new ByteArrayInputStream(bytes("log")), 3);

            List<IncomingEvent> stored = reader.await(e -> e.is(EventCatalog.ARTIFACT_STORED)
                    && e.dataAs(EventCatalog.ARTIFACT_STORED).path().startsWith(path), 2, Duration.ofSeconds(30));
            assertThat(stored).extracting(e -> e.dataAs(EventCatalog.ARTIFACT_STORED).path())
                    .containsExactlyInAnyOrder(path, path + ".DIGESTS");
            var event = stored.stream().filter(e -> e.dataAs(EventCatalog.ARTIFACT_STORED).path().equals(path))
                    .findFirst().orElseThrow().dataAs(EventCatalog.ARTIFACT_STORED);
            assertThat(event.version()).isEqualTo(version);
            assertThat(event.area()).isEqualTo("build-logs");
            assertThat(event.size()).isEqualTo(3);
            assertThat(event.sha256()).isEqualTo(MultiDigest.of(bytes("log")).sha256());
            assertThat(stored.getFirst().key()).isEqualTo(version);
        }
    }

    @Test
    void aRepeatedUploadOfTheSameBytesWritesAndAnnouncesNothing() {
        // a build-runner restarted on its data ships a finished step's log again; a client retries a PUT
        String path = "build-logs/" + version + "/sdk_bootstrap.log";
        CacheHttp http = new CacheHttp(base);

        try (EventReader reader = new EventReader("kiln.artifacts")) {
            assertThat(http.put(path, () -> new ByteArrayInputStream(bytes("bootstrap ok")), 12).statusCode())
                    .isEqualTo(201);
            String etag = given().head("/cache/" + path).header("ETag");
            String indexedAt = given().get("/api/v1/artifacts/" + path).then().extract().path("createdAt");

            HttpResponse<String> again = http.put(path, () -> new ByteArrayInputStream(bytes("bootstrap ok")), 12);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(again.body()).contains(MultiDigest.of(bytes("bootstrap ok")).sha256());
            given().head("/cache/" + path).then().header("ETag", etag);
            given().get("/api/v1/artifacts/" + path).then().body("createdAt", equalTo(indexedAt));
            // the same bytes under another content type are a change
            assertThat(http.put(path, () -> new ByteArrayInputStream(bytes("bootstrap ok")), 12, "Content-Type",
                    "application/octet-stream").statusCode()).isEqualTo(201);
            assertThat(http.put(path, () -> new ByteArrayInputStream(bytes("bootstrap failed")), 16).statusCode())
                    .isEqualTo(201);

            // events of one path arrive in order: a duplicate of the first would come before the later two
            List<IncomingEvent> stored = reader.await(e -> e.is(EventCatalog.ARTIFACT_STORED)
                    && e.dataAs(EventCatalog.ARTIFACT_STORED).path().equals(path), 3, Duration.ofSeconds(30));
            assertThat(stored).extracting(e -> e.dataAs(EventCatalog.ARTIFACT_STORED).contentType()).containsExactly(
                    "text/plain; charset=utf-8", "application/octet-stream", "text/plain; charset=utf-8");
            assertThat(stored.getLast().dataAs(EventCatalog.ARTIFACT_STORED).sha256())
                    .isEqualTo(MultiDigest.of(bytes("bootstrap failed")).sha256());
        }
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("kiln_artifact_uploads_total\\{[^}]*outcome=\"unchanged\"[^}]*} [1-9]");
    }

    @Test
    void keepsADigestsFileTheClientUploadedLikeCreateDigestsDoes() {
        String path = "images/arm64/" + version + "/flatcar_production_image.vmlinuz";
        CacheHttp http = new CacheHttp(base);
        String signedDigests = "# MD5 HASH\nd41d8cd98f00b204e9800998ecf8427e  flatcar_production_image.vmlinuz\n";

        http.put(path + ".DIGESTS", () -> new ByteArrayInputStream(bytes(signedDigests)), signedDigests.length());
        http.put(path, () -> new ByteArrayInputStream(bytes("kernel")), 6);

        given().get("/cache/" + path + ".DIGESTS").then().statusCode(200).body(equalTo(signedDigests));
        given().get("/api/v1/artifacts/" + path + ".DIGESTS").then().body("generated", equalTo(false));
    }

    @Test
    void writesNoDigestsFileForSignaturesAndDigests() {
        String path = "images/arm64/" + version + "/flatcar_production_image.bin.bz2.sig";

        new CacheHttp(base).put(path, () -> new ByteArrayInputStream(bytes("sig")), 3);

        given().get("/cache/" + path).then().statusCode(200);
        given().get("/cache/" + path + ".DIGESTS").then().statusCode(404);
    }

    @Test
    void storesAnEmptyFile() {
        HttpResponse<String> put = new CacheHttp(base).put("testing/" + version + "/amd64/qemu/empty.tap",
                InputStream::nullInputStream, 0);

        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.body()).contains("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        given().get("/cache/testing/" + version + "/amd64/qemu/empty.tap").then().statusCode(200).body(equalTo(""));
    }

    @Test
    void writesNeedTheBuilderRole() {
        String path = "images/amd64/" + version + "/forbidden.bin";

        given().body("x").put("/cache/" + path).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"kiln\"");
        given().auth().oauth2("test-releaser-token").body("x").put("/cache/" + path).then().statusCode(403)
                .contentType("application/problem+json");

        assertNothingStoredUnder("images/amd64/" + version + "/");
    }

    @Test
    void countsUploadsByOutcomeInTheMetrics() {
        new CacheHttp(base).put("build-logs/" + version + "/metrics.log", () -> new ByteArrayInputStream(bytes("m")), 1);
        new CacheHttp(base).put("build-logs/" + version + "/metrics.bad", () -> new ByteArrayInputStream(bytes("m")), 1,
                "X-Kiln-SHA256", "0".repeat(64));

        String metrics = given().get("/q/metrics").asString();

        assertThat(metrics).containsPattern("kiln_artifact_uploads_total\\{[^}]*outcome=\"stored\"[^}]*} [1-9]")
                .containsPattern("kiln_artifact_uploads_total\\{[^}]*outcome=\"digest-mismatch\"[^}]*} [1-9]")
                .contains("kiln_artifact_upload_bytes_total").contains("kiln_artifact_upload_buffer_free_bytes");
    }

    @Test
    void refusesToWriteADirectory() {
        given().auth().oauth2(CacheHttp.BUILDER_TOKEN).body("x").put("/cache/images/amd64/" + version + "/")
                .then().statusCode(400).body("type", equalTo("https://kiln.dev/problems/invalid-path"));
    }

    private static void assertNothingStoredUnder(String directory) {
        assertThat(S3Direct.keys(directory)).isEmpty();
        assertThat(S3Direct.incompleteUploads(directory)).isEmpty();
        assertThat(Database.column("select path from artifact where path like ?", directory + "%")).isEmpty();
    }

    private static Digests digestsOf(long seed, long size) {
        MultiDigest digest = new MultiDigest();
        byte[] buffer = new byte[MIB];
        try (GeneratedBytes in = new GeneratedBytes(seed, size)) {
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.finish();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
