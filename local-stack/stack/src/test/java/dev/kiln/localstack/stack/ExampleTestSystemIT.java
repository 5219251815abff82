package dev.kiln.localstack.stack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.events.BuildSucceeded;
import dev.kiln.events.CloudEventHeaders;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.EventJson;
import dev.kiln.events.KilnEvent;
import dev.kiln.events.Topics;
import dev.kiln.events.kafka.CloudEventRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example test system on the real stack ({@code ./kiln-local up} starts it): a successful build of 4790.0.1 becomes
 * a candidate, the test system downloads its images from the cache, checks them against the DIGESTS files
 * artifact-service wrote, and reports the alpha policy's suites on kiln.tests; release-service's gates then hold, the
 * flaky suite with two attempts. A redelivered candidate event after a restart of the test system is not tested again.
 */
class ExampleTestSystemIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "4790.0.1";
    private static final List<String> ARCHES = List.of("amd64", "arm64");

    private final KilnLocal kiln = new KilnLocal(Path.of("target", "it-tests-" + UUID.randomUUID()).toAbsolutePath());

    @AfterEach
    void tearDown() {
        kiln.down();
    }

    @Test
    void theTestSystemTestsACandidateOnceAndItsReportsSatisfyTheGatesWithTheFlakeShown() throws Exception {
        kiln.up().assertSucceeded();
        String bootstrap = "127.0.0.1:" + kiln.ports.get("kafka");
        String releases = kiln.serviceUrl("release-service") + "/api/v1/releases/" + VERSION;
        for (String arch : ARCHES) {
            uploadImages(arch);
        }

        publish(bootstrap, Topics.BUILDS, new BuildSucceeded("b-it-" + UUID.randomUUID(), "full", "alpha-" + VERSION, VERSION,
                "4789.0.0", ARCHES, List.of("qemu_uefi"), List.of("images/amd64/" + VERSION + "/"), Instant.now()));

        JsonNode gates = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> getJson(releases + "/gates"), g -> g != null && suites(g).size() == 2
                        && suites(g).stream().allMatch(s -> s.path("status").asText().equals("satisfied")));
        JsonNode flaky = suites(gates).stream().filter(s -> s.path("arch").asText().equals("amd64")).findFirst().orElseThrow();
        assertThat(flaky.path("suite").asText()).isEqualTo("kola");
        assertThat(flaky.path("vendor").asText()).isEqualTo("qemu_uefi");
        assertThat(flaky.path("attempts").findValuesAsText("result")).containsExactly("failed", "passed");
        assertThat(flaky.path("detail").asText()).contains("passed on attempt 2");
        JsonNode arm64 = suites(gates).stream().filter(s -> s.path("arch").asText().equals("arm64")).findFirst().orElseThrow();
        assertThat(arm64.path("attempts").findValuesAsText("result")).containsExactly("passed");
        assertThat(arm64.path("attempts").findValuesAsText("reportId")).singleElement().asString().endsWith("/kola/arm64/qemu_uefi/1");
        String log = Files.readString(kiln.dataDir.resolve("logs/test-system.log"));
        assertThat(log).contains("images/amd64/" + VERSION + "/flatcar_production_image.bin.bz2: 3000000 bytes, digests match")
                .contains("images/arm64/" + VERSION + "/version.txt: FLATCAR_VERSION=" + VERSION + ", digests match")
                .contains("reported kola on amd64/qemu_uefi attempt 1: failed");

        assertThat(postAs("release-manager-1", releases + "/approvals", "{\"decision\":\"approve\",\"comment\":\"go\"}")
                .statusCode()).isEqualTo(201);
        assertThat(getJson(releases + "/gates").path("verdict").asText()).isEqualTo("holds");

        kiln.restart("test-system").assertSucceeded();
        publish(bootstrap, candidateRecord(bootstrap));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Files.readString(
                kiln.dataDir.resolve("logs/test-system.log"))).contains("was tested already (ce_id seen before): skipped"));
        assertThat(suites(getJson(releases + "/gates"))).allSatisfy(s -> assertThat(s.path("attempts").size())
                .isEqualTo(s.path("arch").asText().equals("amd64") ? 2 : 1));
    }

    private static List<JsonNode> suites(JsonNode gates) {
        List<JsonNode> suites = new ArrayList<>();
        gates.path("requirements").forEach(r -> {
            if (r.path("kind").asText().equals("suite")) {
                suites.add(r);
            }
        });
        return suites;
    }

    /** What the full pipeline's image and vm steps upload; artifact-service writes each file's DIGESTS beside it. */
    private void uploadImages(String arch) throws Exception {
        String dir = "images/" + arch + "/" + VERSION + "/";
        put(dir + "version.txt", ("FLATCAR_BUILD=4790\nFLATCAR_BRANCH=0\nFLATCAR_PATCH=1\nFLATCAR_VERSION=" + VERSION
                + "\nFLATCAR_VERSION_ID=" + VERSION + "\nFLATCAR_BUILD_ID=\"\"\nFLATCAR_SDK_VERSION=4789.0.0\n").getBytes(UTF_8));
        put(dir + "flatcar_production_image.bin.bz2", randomBytes(3_000_000, arch.hashCode()));
        put(dir + "flatcar_production_qemu_uefi_image.img.bz2", randomBytes(1_000_000, arch.hashCode() + 1));
    }

    private void put(String path, byte[] body) throws Exception {
        String token = Files.readString(kiln.dataDir.resolve("admin.token")).strip();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(kiln.serviceUrl("artifact-service") + "/cache/" + path)).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Publishes {@code event} as build-runner's outbox would: a binary-mode CloudEvent keyed by the event's key. */
    private static void publish(String bootstrap, String topic, KilnEvent event) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/kiln/build-runner".getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, event.eventType().name().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(Instant.now()).getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        publish(bootstrap, new ProducerRecord<>(topic, null, event.key(), EventJson.write(event), headers));
    }

    private static void publish(String bootstrap, ProducerRecord<String, String> record) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        }
    }

    /** The candidate event release-service put on kiln.releases, as a record to send again (same ce_id): a redelivery. */
    private static ProducerRecord<String, String> candidateRecord(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RELEASES));
            ConsumerRecord<String, String> candidate = await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (CloudEventRecords.read(r).is(EventCatalog.RELEASE_CANDIDATE)) {
                        return r;
                    }
                }
                return null;
            }, r -> r != null);
            Headers headers = new RecordHeaders(candidate.headers().toArray());
            return new ProducerRecord<>(Topics.RELEASES, null, candidate.key(), candidate.value(), headers);
        }
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private HttpResponse<String> postAs(String identity, String url, String body) throws Exception {
        String token = Files.readString(kiln.dataDir.resolve("tokens/" + identity + ".token")).strip();
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
