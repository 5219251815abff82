package dev.kiln.console.live;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A running step's log stream sends what lies past the characters the page already shows. */
@QuarkusTest
@QuarkusTestResource(value = KilnServicesResource.class, restrictToAnnotatedClass = false)
class LogTailStreamTest {

    @TestHTTPResource("/live/builds/k7xq2m4pza/steps/image-amd64/log?from=20")
    URL tail;

    @Test
    void theTailOfARunningStepSendsTheLogPastWhatThePageHas() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(tail.toURI())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (java.io.IOException | java.io.UncheckedIOException closed) {
                // the test ends the stream
            }
        });
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.contains("event:log"));
        } finally {
            reader.interrupt();
            stream.body().close();
        }

        // the fake log is ">>> emerge-gitclone\n>>> build_packages --board=amd64-usr\n"; the page had its first 20 chars
        assertThat(lines).anySatisfy(line -> assertThat(line).isEqualTo("data:{\"text\":\">>> build_packages --board=amd64-usr\\n\"}"));
    }
}
