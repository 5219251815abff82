package dev.kiln.artifact.api;

import static dev.kiln.artifact.api.ChannelPublishingTest.copy;
import static dev.kiln.artifact.api.ChannelPublishingTest.movePointer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.artifact.support.FlatcarRelease;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Readers of {@code current/} while the pointer switches between two releases: every response is one release's
 * file, whole, with that file's own ETag — never the bytes of one and the validator of the other, never a mix.
 */
@QuarkusTest
class ChannelPointerSwitchTest {

    private static final int IMAGE_SIZE = 3 * 1024 * 1024 + 11;
    private static final int READERS = 3;
    private static final int MAX_SWITCHES = 300;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyReadDuringSwitchesServesOneWholeVersion() throws Exception {
        FlatcarRelease older = FlatcarRelease.of(FlatcarRelease.freshVersion(4757, 0), "amd64", IMAGE_SIZE).store(base);
        FlatcarRelease newer = FlatcarRelease.of(FlatcarRelease.freshVersion(4790, 0), "amd64", IMAGE_SIZE).store(base);
        for (FlatcarRelease release : List.of(older, newer)) {
            copy("alpha", "amd64", release.version()).then().statusCode(200);
        }
        movePointer("alpha", "amd64", "current", older.version()).then().statusCode(200);
        Map<String, FlatcarRelease> byEtag = etagsOfImages(older, newer);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> mixes = new CopyOnWriteArrayList<>();
        AtomicBoolean switching = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(READERS);

        List<Future<Integer>> readers = new java.util.ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            readers.add(threads.submit(() -> read(older, newer, byEtag, seen, mixes, switching)));
        }
        int switches = 0;
        while (switches < MAX_SWITCHES && (seen.size() < 2 || switches < 10)) {
            FlatcarRelease next = switches % 2 == 0 ? newer : older;
            movePointer("alpha", "amd64", "current", next.version()).then().statusCode(200);
            switches++;
        }
        switching.set(false);
        int reads = 0;
        for (Future<Integer> reader : readers) {
            reads += reader.get(5, TimeUnit.MINUTES);
        }
        threads.shutdown();

        assertThat(mixes).isEmpty();
        assertThat(reads).isPositive();
        assertThat(seen).as("both releases were read during %d switches", switches)
                .containsExactlyInAnyOrder(older.version(), newer.version());
    }

    private int read(FlatcarRelease older, FlatcarRelease newer, Map<String, FlatcarRelease> byEtag, Set<String> seen,
            List<String> mixes, AtomicBoolean switching) throws Exception {
        int reads = 0;
        while (switching.get()) {
            String versionTxt = new String(get("version.txt").body(), StandardCharsets.UTF_8);
            FlatcarRelease fromText = versionTxt.equals(FlatcarRelease.versionTxt(older.version())) ? older
                    : versionTxt.equals(FlatcarRelease.versionTxt(newer.version())) ? newer : null;
            if (fromText == null) {
                mixes.add("version.txt was neither release's: " + versionTxt);
            }
            HttpResponse<byte[]> image = get(FlatcarRelease.IMAGE);
            FlatcarRelease fromEtag = byEtag.get(image.headers().firstValue("ETag").orElse(""));
            if (fromEtag == null || !Arrays.equals(image.body(), fromEtag.file(FlatcarRelease.IMAGE))) {
                mixes.add("image with ETag " + image.headers().firstValue("ETag") + " was not that release's image, whole");
            } else {
                seen.add(fromEtag.version());
            }
            reads++;
        }
        return reads;
    }

    private HttpResponse<byte[]> get(String name) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve("cache/alpha/amd64-usr/current/" + name))
                .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private Map<String, FlatcarRelease> etagsOfImages(FlatcarRelease... releases) throws Exception {
        Map<String, FlatcarRelease> etags = new ConcurrentHashMap<>();
        for (FlatcarRelease release : releases) {
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(base.resolve("cache/alpha/amd64-usr/"
                    + release.version() + "/" + FlatcarRelease.IMAGE)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
            etags.put(head.headers().firstValue("ETag").orElseThrow(), release);
        }
        assertThat(etags).hasSize(2);
        return etags;
    }
}
