package dev.kiln.artifact.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.artifact.domain.DigestsFile;
import dev.kiln.artifact.domain.Digests;
import dev.kiln.artifact.domain.MultiDigest;
import dev.kiln.artifact.support.Database;
import dev.kiln.artifact.support.S3Direct;
import io.minio.CreateMultipartUploadArgs;
import io.minio.MinioAsyncClient;
import dev.kiln.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a writer that crashed leaves behind is repaired: published-but-unindexed writes, stale uploads. */
@QuarkusTest
class UploadSweepTest {

    @Inject
    UploadSweep sweep;

    private final String version = "4802.0.0+nightly-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void indexesAWriteThatWasPublishedButNotIndexedBeforeACrash() {
        String path = "images/amd64/" + version + "/flatcar_production_image.vmlinuz";
        byte[] content = "kernel".getBytes(StandardCharsets.UTF_8);
        Digests digests = MultiDigest.of(content);
        String writeId = UUID.randomUUID().toString();
        S3Direct.put(path, content, Map.of("kiln-write-id", writeId));
        journal(writeId, path, digests, Instant.now().minus(Duration.ofMinutes(5)));

        sweep.sweep(Instant.now());

        given().get("/api/v1/artifacts/" + path).then().statusCode(200).body("sha256", equalTo(digests.sha256()))
                .body("uploadedBy", equalTo("crashed-builder"));
        given().get("/cache/" + path + ".DIGESTS").then().statusCode(200)
                .body(equalTo(new String(DigestsFile.render("flatcar_production_image.vmlinuz", digests),
                        StandardCharsets.UTF_8)));
        assertThat(Database.column("select write_id from pending_write where write_id = ?", writeId)).isEmpty();
    }

    @Test
    void dropsAStaleJournalEntryWhoseBytesNeverBecameVisibleAndAbortsItsUpload() throws Exception {
        String path = "images/amd64/" + version + "/flatcar_production_update.bin.bz2";
        String writeId = UUID.randomUUID().toString();
        journal(writeId, path, MultiDigest.of(new byte[0]), Instant.now().minus(Duration.ofHours(7)));
        try (MinioAsyncClient client = MinioAsyncClient.builder().endpoint(TestInfrastructure.s3().endpoint())
                .region("us-east-1").credentials(TestInfrastructure.S3_ACCESS_KEY, TestInfrastructure.S3_SECRET_KEY)
                .build()) {
            client.createMultipartUpload(CreateMultipartUploadArgs.builder().bucket(S3Direct.bucket()).object(path)
                    .build()).get();
        }

        sweep.sweep(Instant.now().plus(Duration.ofHours(7)));

        assertThat(S3Direct.incompleteUploads("images/amd64/" + version + "/")).isEmpty();
        assertThat(S3Direct.keys("images/amd64/" + version + "/")).isEmpty();
        assertThat(Database.column("select write_id from pending_write where write_id = ?", writeId)).isEmpty();
        given().get("/api/v1/artifacts/" + path).then().statusCode(404);
    }

    @Test
    void leavesARecentUnpublishedWriteAloneForItsRequestToFinish() {
        String path = "images/amd64/" + version + "/in-flight.bin";
        String writeId = UUID.randomUUID().toString();
        journal(writeId, path, MultiDigest.of(new byte[0]), Instant.now().minus(Duration.ofMinutes(5)));

        sweep.sweep(Instant.now());

        assertThat(Database.column("select write_id from pending_write where write_id = ?", writeId))
                .containsExactly(writeId);
        Database.execute("delete from pending_write where write_id = ?", writeId);
    }

    private static void journal(String writeId, String path, Digests digests, Instant at) {
        Database.execute("""
                insert into pending_write (write_id, path, size, md5, sha1, sha256, sha512, content_type, uploaded_by,
                created_at) values (?, ?, ?, ?, ?, ?, ?, 'application/octet-stream', 'crashed-builder', ?)""",
                writeId, path, digests.size(), digests.md5(), digests.sha1(), digests.sha256(), digests.sha512(),
                Timestamp.from(at));
    }
}
