package dev.kiln.console.live;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.events.CloudEventHeaders;
import dev.kiln.events.Topics;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A step event on kiln.builds reaches a browser watching that build, as an SSE event with the run's new state. */
@QuarkusTest
@QuarkusTestResource(value = KilnServicesResource.class, restrictToAnnotatedClass = false)
class LiveEventsFromKafkaTest {

    @TestHTTPResource("/live/builds/k7xq2m4pza")
    URL buildStream;

    @Test
    void aStepSucceededEventTurnsIntoAStepEventForThatBuildOnly() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(buildStream.toURI())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (java.io.IOException | java.io.UncheckedIOException closed) {
                // the test ends the stream
            }
        });

        try (KafkaProducer<String, String> producer = producer()) {
            // the console's group joins from the newest offset: send until it has joined and passed one on
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                producer.send(stepEvent("other-build", "image-amd64")).get();
                producer.send(stepEvent("k7xq2m4pza", "image-amd64")).get();
                assertThat(lines).contains("event:step");
            });
        } finally {
            reader.interrupt();
            stream.body().close();
        }

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("data:")
                .contains("\"key\":\"k7xq2m4pza\"", "\"run\":\"image-amd64\"", "\"state\":\"succeeded\"",
                        "\"type\":\"dev.kiln.build.step.succeeded.v1\""));
        assertThat(lines).noneMatch(line -> line.contains("other-build"));
    }

    private static ProducerRecord<String, String> stepEvent(String build, String run) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.BUILDS, build, """
                {"buildId":"%s","step":"image","stepRun":"%s","arch":"amd64","attempt":1,"outputs":[]}""".formatted(build, run));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                .add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8))
                .add(CloudEventHeaders.SOURCE, "/kiln/build-runner".getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, "dev.kiln.build.step.succeeded.v1".getBytes(UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
