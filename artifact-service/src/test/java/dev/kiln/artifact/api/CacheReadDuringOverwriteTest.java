package dev.kiln.artifact.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.artifact.support.CacheHttp;
import dev.kiln.artifact.support.GeneratedBytes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Readers of a file that is being replaced get one version of it, whole, never an error. */
@QuarkusTest
class CacheReadDuringOverwriteTest {

    private static final int KIB = 1024;
    private static final int READERS = 4;
    private static final int OVERWRITES = 12;
    /** More rounds in one run for a race hunt: {@code -Dkiln.test.overwrite-rounds=5}. */
    private static final int ROUNDS = Integer.getInteger("kiln.test.overwrite-rounds", 1);

    @TestHTTPResource("/")
    URI base;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void readersOfAFileBeingReplacedGetOneWholeVersionWithItsOwnValidators() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            replaceAFileWhileItIsRead(round);
        }
    }

    private void replaceAFileWhileItIsRead(int round) throws Exception {
        String version = "4790.0.1+nightly-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "images/arm64/" + version + "/flatcar_production_image.vmlinuz";
        // versions of different sizes, so a Content-Length of one with the bytes of another shows up
        Map<String, Long> sizeBySha = IntStream.range(0, 3).boxed().collect(java.util.stream.Collectors.toMap(
                seed -> sha256(new GeneratedBytes(seed, sizeOf(seed))), seed -> sizeOf(seed)));
        CacheHttp http = new CacheHttp(base);
        assertThat(http.put(path, () -> new GeneratedBytes(0, sizeOf(0)), sizeOf(0)).statusCode()).isEqualTo(201);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> failures = new CopyOnWriteArrayList<>();
        Map<String, String> shaByEtag = new ConcurrentHashMap<>();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);

        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 1; i <= OVERWRITES; i++) {
                        int seed = i % 3;
                        int status = http.put(path, () -> new GeneratedBytes(seed, sizeOf(seed)), sizeOf(seed))
                                .statusCode();
                        if (status != 201) {
                            failures.add("overwrite " + i + " answered " + status);
                        }
                    }
                } finally {
                    writing.set(false);
                }
            });
            List<Future<?>> readers = IntStream.range(0, READERS).<Future<?>>mapToObj(r -> pool.submit(() -> {
                while (writing.get()) {
                    read(path, sizeBySha, shaByEtag, failures);
                    reads.incrementAndGet();
                }
                return null;
            })).toList();
            writer.get();
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).as("round " + round).isEmpty();
        assertThat(reads.get()).as("reads in round " + round).isGreaterThan(READERS);
    }

    private static long sizeOf(int seed) {
        return 3L * 1024 * KIB + seed * 4099L;
    }

    private void read(String path, Map<String, Long> sizeBySha, Map<String, String> shaByEtag,
            List<String> failures) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(base.resolve("cache/" + path))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long received = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * KIB];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                received += n;
            }
        }
        if (response.statusCode() != 200) {
            failures.add("GET answered " + response.statusCode());
            return;
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        String length = response.headers().firstValue("Content-Length").orElse("none");
        String etag = response.headers().firstValue("ETag").orElse("none");
        Long expectedSize = sizeBySha.get(sha);
        if (expectedSize == null || expectedSize != received || !length.equals(Long.toString(received))) {
            failures.add("GET gave " + received + " bytes (sha256 " + sha + ") with Content-Length " + length);
        }
        String earlier = shaByEtag.putIfAbsent(etag, sha);
        if (earlier != null && !earlier.equals(sha)) {
            failures.add("ETag " + etag + " named two contents");
        }
    }

    private static String sha256(InputStream in) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * KIB];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
