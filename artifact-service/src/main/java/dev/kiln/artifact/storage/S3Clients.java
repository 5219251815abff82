package dev.kiln.artifact.storage;

import dev.kiln.artifact.config.ArtifactConfig;
import io.minio.Http;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import okhttp3.OkHttpClient;

/**
 * The MinIO clients of this service, sharing one HTTP connection pool: the asynchronous one for multipart
 * uploads, the blocking one for everything else, and one that signs presigned URLs for the public endpoint.
 */
@ApplicationScoped
public class S3Clients {

    private final OkHttpClient http;
    private final MinioAsyncClient async;
    private final MinioClient blocking;
    private final MinioClient presigner;
    private final String bucket;

    public S3Clients(ArtifactConfig config) {
        ArtifactConfig.S3 s3 = config.s3();
        this.http = Http.newDefaultClient();
        this.bucket = s3.bucket();
        this.async = MinioAsyncClient.builder().endpoint(s3.endpoint().toString()).region(s3.region())
                .credentials(s3.accessKey(), s3.secretKey()).httpClient(http, false).build();
        this.blocking = blocking(s3.endpoint(), s3);
        this.presigner = s3.publicEndpoint().map(endpoint -> blocking(endpoint, s3)).orElse(blocking);
    }

    private MinioClient blocking(URI endpoint, ArtifactConfig.S3 s3) {
        return MinioClient.builder().endpoint(endpoint.toString()).region(s3.region())
                .credentials(s3.accessKey(), s3.secretKey()).httpClient(http, false).build();
    }

    public MinioAsyncClient async() {
        return async;
    }

    public MinioClient blocking() {
        return blocking;
    }

    public MinioClient presigner() {
        return presigner;
    }

    public String bucket() {
        return bucket;
    }

    @PreDestroy
    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
