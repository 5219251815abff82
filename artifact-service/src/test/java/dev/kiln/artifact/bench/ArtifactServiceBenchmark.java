package dev.kiln.artifact.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.LoadAverage;
import dev.kiln.testing.TestInfrastructure;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.InputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * 2 GiB through the service (PUT, then GET) against the same bytes through the MinIO SDK directly to the same
 * S3 server, in one run; and the service's heap while it streams, read from its own /q/metrics. The service
 * runs from the packaged jar in its own JVM ({@code -Dbench.service.jvm} options, default {@code -Xmx256m}).
 * Not a test: it prints its figures. {@code ./mvnw -q verify -Pbench -pl artifact-service}
 */
class ArtifactServiceBenchmark {

    private static final long MIB = 1 << 20;
    private static final long SIZE = Long.getLong("bench.bytes", 2048 * MIB);
    private static final long WARM_UP = Long.getLong("bench.warmup.bytes", 128 * MIB);
    private static final long PART = 16 * MIB;
    private static final String BUCKET = "kiln-bench";
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** GETs are short next to PUTs: each round repeats them, interleaved, and sums their times. */
    private static final int GET_REPEATS = Integer.getInteger("bench.get.repeats", 3);
    /** P2: the service at this fraction of the direct speed, both ways, in every round. */
    private static final double GOAL_RATIO = 0.85;
    private static final int GOAL_HEAP_MB = 64;

    /** The same HTTP client library the MinIO SDK uses for the direct arm, so the two arms differ only in the path. */
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(5))
            .writeTimeout(Duration.ofMinutes(5)).build();

    @Test
    void streamsTwoGibibytesThroughTheServiceAndDirectlyThroughMinio() throws Exception {
        TestInfrastructure.ensureStarted(true);
        String expected = RepeatingBytes.sha256(SIZE);
        List<String> jvm = List.of(System.getProperty("bench.service.jvm", "-Xmx256m").split(" "));
        try (ServiceProcess service = ServiceProcess.start(BUCKET, jvm); MinioClient minio = minio()) {
            ensureBucket(minio);
            directPut(minio, "bench/warm-up", WARM_UP);
            directGet(minio, "bench/warm-up");
            servicePut(service.base(), "bench/warm-up.bin", WARM_UP, false);
            serviceGet(service.base(), "bench/warm-up.bin");
            // the service stores nothing for a PUT of the bytes a path already holds (200), so every measured PUT sends
            // bytes the path does not hold: the warm-up's first, then sizes that alternate between rounds
            servicePut(service.base(), "bench/service.bin", WARM_UP, false);

            HeapSampler heap = new HeapSampler(service.base());
            long[] baseline = heap.sample();
            List<Round> rounds = new ArrayList<>();
            System.out.println("load average before the first round: " + LoadAverage.now());
            try (HeapSampler sampling = heap.start()) {
                for (int round = 1; round <= ROUNDS; round++) {
                    long size = SIZE + (round + 1) % 2;
                    String sha256 = size == SIZE ? expected : RepeatingBytes.sha256(size);
                    double directPut = seconds(() -> directPut(minio, "bench/direct.bin", size));
                    double servicePut = seconds(() -> assertThat(servicePut(service.base(), "bench/service.bin", size, true))
                            .contains("\"sha256\":\"" + sha256 + "\""));
                    double directGet = 0;
                    double serviceGet = 0;
                    for (int i = 0; i < GET_REPEATS; i++) {
                        directGet += seconds(() -> assertThat(directGet(minio, "bench/direct.bin")).isEqualTo(size));
                        serviceGet += seconds(() -> assertThat(serviceGet(service.base(), "bench/service.bin"))
                                .isEqualTo(size));
                    }
                    rounds.add(new Round(directPut, directGet / GET_REPEATS, servicePut, serviceGet / GET_REPEATS));
                    System.out.println(rounds.getLast().line(round));
                }
            }
            report(rounds, baseline, heap, jvm);
        }
    }

    /** Seconds each transfer of one round took. */
    private record Round(double directPut, double directGet, double servicePut, double serviceGet) {

        double ratio() {
            return (directPut + directGet) / (servicePut + serviceGet);
        }

        double putRatio() {
            return directPut / servicePut;
        }

        double getRatio() {
            return directGet / serviceGet;
        }

        String line(int round) {
            double mib = SIZE / (double) MIB;
            return String.format(Locale.ROOT, "round %d: PUT %.1f direct vs %.1f service MiB/s (ratio %.2f), GET %.1f"
                    + " vs %.1f MiB/s (ratio %.2f, mean of %d), PUT+GET ratio %.2f; load average %s", round,
                    mib / directPut, mib / servicePut, putRatio(), mib / directGet, mib / serviceGet, getRatio(),
                    GET_REPEATS, ratio(), LoadAverage.now());
        }
    }

    private void report(List<Round> rounds, long[] baseline, HeapSampler heap, List<String> jvm) {
        Round median = rounds.stream().sorted(java.util.Comparator.comparingDouble(Round::ratio)).toList()
                .get(rounds.size() / 2);
        double directPut = median.directPut();
        double directGet = median.directGet();
        double servicePut = median.servicePut();
        double serviceGet = median.serviceGet();
        double mib = SIZE / (double) MIB;
        System.out.printf(Locale.ROOT, """

                == artifact-service benchmark: %.0f MiB, service JVM %s, %d CPUs, median round of %d ==
                                     direct MinIO SDK     through the service     ratio
                PUT                  %8.1f MiB/s       %8.1f MiB/s        %.2f
                GET                  %8.1f MiB/s       %8.1f MiB/s        %.2f
                PUT+GET              %8.1f MiB/s       %8.1f MiB/s        %.2f
                service heap: baseline used %.0f MiB; peak used during transfer %.0f MiB (growth %.0f MiB);
                              old generation used: baseline %.0f MiB, peak %.0f MiB (growth %.0f MiB); %d samples, every 200 ms
                %n""", mib, String.join(" ", jvm), Runtime.getRuntime().availableProcessors(), rounds.size(),
                mib / directPut, mib / servicePut, directPut / servicePut,
                mib / directGet, mib / serviceGet, directGet / serviceGet,
                2 * mib / (directPut + directGet), 2 * mib / (servicePut + serviceGet),
                (directPut + directGet) / (servicePut + serviceGet),
                baseline[0] / (double) MIB, heap.peakUsed() / (double) MIB, (heap.peakUsed() - baseline[0]) / (double) MIB,
                baseline[1] / (double) MIB, heap.peakOld() / (double) MIB,
                (heap.peakOld() - baseline[1]) / (double) MIB, heap.samples());
        double worstPut = rounds.stream().mapToDouble(Round::putRatio).min().orElseThrow();
        double worstGet = rounds.stream().mapToDouble(Round::getRatio).min().orElseThrow();
        double growthMb = (heap.peakUsed() - baseline[0]) / 1e6;
        boolean met = worstPut >= GOAL_RATIO && worstGet >= GOAL_RATIO && growthMb < GOAL_HEAP_MB;
        System.out.printf(Locale.ROOT, "P2 (judged): worst round PUT ratio %.2f, GET ratio %.2f (goal >= %.2f each);"
                + " heap growth %.0f MB (goal < %d MB): %s; load average at the end %s%n%n", worstPut, worstGet,
                GOAL_RATIO, growthMb, GOAL_HEAP_MB, met ? "MET" : "NOT MET", LoadAverage.now());
    }

    /** The 1, 5 and 15 minute load averages: the ratios only mean something next to the machine's load. */
    private static MinioClient minio() {
        return MinioClient.builder().endpoint(TestInfrastructure.s3().endpoint()).region("us-east-1")
                .credentials(TestInfrastructure.S3_ACCESS_KEY, TestInfrastructure.S3_SECRET_KEY).build();
    }

    private static void ensureBucket(MinioClient minio) throws Exception {
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        }
    }

    private static void directPut(MinioClient minio, String key, long size) throws Exception {
        minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key).stream(new RepeatingBytes(size), size, PART)
                .build());
    }

    private static long directGet(MinioClient minio, String key) throws Exception {
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build())) {
            return drain(in);
        }
    }

    private String servicePut(URI base, String path, long size, boolean mustStore) throws Exception {
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
            String text = response.body().string();
            // 201: stored; 200: the path held these bytes already, nothing written (only a warm-up may meet that)
            if (mustStore) {
                assertThat(response.code()).as(text).isEqualTo(201);
            } else {
                assertThat(response.code()).as(text).isIn(200, 201);
            }
            return text;
        }
    }

    private long serviceGet(URI base, String path) throws Exception {
        Request request = new Request.Builder().url(base.resolve("cache/" + path).toString()).build();
        try (Response response = http.newCall(request).execute(); InputStream in = response.body().byteStream()) {
            assertThat(response.code()).isEqualTo(200);
            return drain(in);
        }
    }

    private static long drain(InputStream in) throws Exception {
        byte[] buffer = new byte[256 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
        }
        return total;
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
