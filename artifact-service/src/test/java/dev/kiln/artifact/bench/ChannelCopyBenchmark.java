package dev.kiln.artifact.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.testing.LoadAverage;
import dev.kiln.testing.TestInfrastructure;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.Directive;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.SourceObject;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * Publishing a release into a channel: 50 files, 2 GiB together ({@code -Dbench.channel.bytes},
 * {@code -Dbench.channel.files}), stored under {@code images/amd64/<V>/} through the service, then copied to
 * {@code stable/amd64-usr/<V>/} by {@code PUT /api/v1/channels/stable/amd64/versions/<V>} and, in the same run,
 * the same objects copied with the MinIO SDK's {@code copyObject} directly; and the service's heap meanwhile.
 * Not a test: it prints its figures. {@code ./mvnw -q verify -Pbench -pl artifact-service -Dtest=none -Dit.test=ChannelCopyBenchmark}
 */
class ChannelCopyBenchmark {

    private static final long MIB = 1 << 20;
    private static final long TOTAL = Long.getLong("bench.channel.bytes", 2048 * MIB);
    private static final int FILES = Integer.getInteger("bench.channel.files", 50);
    private static final String BUCKET = "kiln-bench-channel";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(30))
            .writeTimeout(Duration.ofMinutes(10)).build();

    @Test
    void copiesAReleaseIntoAChannelThroughTheServiceAndDirectlyThroughMinio() throws Exception {
        TestInfrastructure.ensureStarted(true);
        String version = "4593.2." + ThreadLocalRandom.current().nextInt(1000, 1_000_000);
        long fileSize = TOTAL / FILES;
        List<String> jvm = List.of(System.getProperty("bench.service.jvm", "-Xmx256m").split(" "));
        try (ServiceProcess service = ServiceProcess.start(BUCKET, jvm); MinioClient minio = minio()) {
            ensureBucket(minio);
            String images = "images/amd64/" + version + "/";
            for (int i = 0; i < FILES; i++) {
                store(service.base(), images + String.format(Locale.ROOT, "flatcar_production_%02d.bin", i), fileSize);
            }
            List<String> keys = keys(minio, images);

            HeapSampler heap = new HeapSampler(service.base());
            long[] baseline = heap.sample();
            JsonNode answer;
            double serviceSeconds;
            try (HeapSampler sampling = heap.start()) {
                long start = System.nanoTime();
                answer = copyThroughService(service.base(), version);
                serviceSeconds = (System.nanoTime() - start) / 1e9;
            }
            double directSeconds = seconds(() -> {
                for (String key : keys) {
                    minio.copyObject(CopyObjectArgs.builder().bucket(BUCKET).object("direct/" + version + "/"
                            + key.substring(images.length())).source(SourceObject.builder().bucket(BUCKET).object(key).build())
                            .metadataDirective(Directive.REPLACE).build());
                }
            });
            double repeatSeconds = seconds(() -> assertThat(copyThroughService(service.base(), version).get("skipped")
                    .asInt()).isEqualTo(keys.size()));

            assertThat(answer.get("copied").asInt()).isEqualTo(keys.size());
            double mib = TOTAL / (double) MIB;
            System.out.printf(Locale.ROOT, """

                    == channel copy benchmark: %d files, %.0f MiB (+ their DIGESTS files: %d objects), service JVM %s, %d CPUs ==
                    MinIO SDK copyObject directly:        %6.2f s  (%.0f MiB/s)
                    PUT /api/v1/channels/.../versions/V:  %6.2f s  (%.0f MiB/s)   ratio direct/service %.2f
                    repeat of the PUT (all skipped):      %6.2f s
                    service heap: baseline used %.0f MiB; peak used during the copy %.0f MiB (growth %.0f MiB);
                                  old generation: baseline %.0f MiB, peak %.0f MiB (growth %.0f MiB); %d samples
                    load average: %s
                    %n""", FILES, mib, keys.size(), String.join(" ", jvm), Runtime.getRuntime().availableProcessors(),
                    directSeconds, mib / directSeconds, serviceSeconds, mib / serviceSeconds, directSeconds / serviceSeconds,
                    repeatSeconds, baseline[0] / (double) MIB, heap.peakUsed() / (double) MIB,
                    (heap.peakUsed() - baseline[0]) / (double) MIB, baseline[1] / (double) MIB, heap.peakOld() / (double) MIB,
                    (heap.peakOld() - baseline[1]) / (double) MIB, heap.samples(), LoadAverage.now());
            double ratio = serviceSeconds / directSeconds;
            double oldGrowthMb = (heap.peakOld() - baseline[1]) / 1e6;
            System.out.printf(Locale.ROOT, "Channel copy (judged): service time / direct copy time %.2f (goal <= 1.2); service "
                    + "old-generation growth %.1f MB (goal < 16 MB): %s%n%n", ratio, oldGrowthMb,
                    ratio <= 1.2 && oldGrowthMb < 16 ? "MET" : "NOT MET");
        }
    }

    private JsonNode copyThroughService(URI base, String version) throws IOException {
        Request request = new Request.Builder().url(base.resolve("api/v1/channels/stable/amd64/versions/" + version).toString())
                .header("Authorization", "Bearer " + ServiceProcess.TOKEN).put(RequestBody.create(new byte[0])).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            assertThat(response.code()).as(text).isEqualTo(200);
            return JSON.readTree(text);
        }
    }

    private void store(URI base, String path, long size) throws IOException {
        RequestBody body = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/octet-stream");
            }

            @Override
            public long contentLength() {
                return size;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (InputStream in = new RepeatingBytes(size)) {
                    sink.writeAll(Okio.source(in));
                }
            }
        };
        Request request = new Request.Builder().url(base.resolve("cache/" + path).toString())
                .header("Authorization", "Bearer " + ServiceProcess.TOKEN).put(body).build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).as(response.body().string()).isEqualTo(201);
        }
    }

    private static List<String> keys(MinioClient minio, String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket(BUCKET).prefix(prefix).recursive(true)
                .build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    private static MinioClient minio() {
        return MinioClient.builder().endpoint(TestInfrastructure.s3().endpoint()).region("us-east-1")
                .credentials(TestInfrastructure.S3_ACCESS_KEY, TestInfrastructure.S3_SECRET_KEY).build();
    }

    private static void ensureBucket(MinioClient minio) throws Exception {
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double seconds(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
