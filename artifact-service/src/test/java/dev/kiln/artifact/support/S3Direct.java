package dev.kiln.artifact.support;

import dev.kiln.testing.TestInfrastructure;
import io.minio.ListMultipartUploadsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.messages.ListMultipartUploadsResult;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/** The test bucket seen directly through the MinIO SDK, past the service: what is really stored. */
public final class S3Direct {

    private static MinioClient client;
    private static MinioAsyncClient asyncClient;

    private S3Direct() {
    }

    public static String bucket() {
        return ConfigProvider.getConfig().getValue("kiln.artifact.s3.bucket", String.class);
    }

    /** One client for the whole test JVM (it lives as long as the S3 server does). */
    public static synchronized MinioClient client() {
        if (client == null) {
            client = MinioClient.builder().endpoint(TestInfrastructure.s3().endpoint()).region("us-east-1")
                    .credentials(TestInfrastructure.S3_ACCESS_KEY, TestInfrastructure.S3_SECRET_KEY).build();
        }
        return client;
    }

    private static synchronized MinioAsyncClient asyncClient() {
        if (asyncClient == null) {
            asyncClient = MinioAsyncClient.builder().endpoint(TestInfrastructure.s3().endpoint()).region("us-east-1")
                    .credentials(TestInfrastructure.S3_ACCESS_KEY, TestInfrastructure.S3_SECRET_KEY).build();
        }
        return asyncClient;
    }

    /** Every key in the bucket under {@code prefix}, sorted. */
    public static TreeSet<String> keys(String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        try {
            for (Result<Item> result : client().listObjects(ListObjectsArgs.builder().bucket(bucket()).prefix(prefix)
                    .recursive(true).build())) {
                keys.add(result.get().objectName());
            }
            return keys;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores an object without the service, as another tool writing to the bucket would. */
    public static void put(String key, byte[] content) {
        put(key, content, java.util.Map.of());
    }

    /** The same with user metadata ({@code x-amz-meta-*} without the prefix). */
    public static void put(String key, byte[] content, java.util.Map<String, String> userMetadata) {
        try {
            client().putObject(PutObjectArgs.builder().bucket(bucket()).object(key).userMetadata(userMetadata)
                    .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys of the multipart uploads that are started but neither completed nor aborted. */
    public static List<String> incompleteUploads(String prefix) {
        try {
            ListMultipartUploadsResult result = asyncClient().listMultipartUploads(ListMultipartUploadsArgs.builder()
                    .bucket(bucket()).prefix(prefix).build()).get().result();
            return result.uploads() == null ? List.of()
                    : result.uploads().stream().map(ListMultipartUploadsResult.Upload::objectName).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
