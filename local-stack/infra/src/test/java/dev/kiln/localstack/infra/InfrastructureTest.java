package dev.kiln.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;

class InfrastructureTest {

    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "kiln-cache");

    private final Path dir = Path.of("target", "infra-test", java.util.UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void postgresKeepsDataAcrossARestartOfTheSameDataDirectory() throws Exception {
        int port = FreePorts.next();
        try (PostgresServer pg = PostgresServer.start(CACHE, dir.resolve("pg"), port, false)) {
            pg.ensureDatabase("kiln");
            try (var c = DriverManager.getConnection(pg.jdbcUrl("kiln"), "postgres", "")) {
                c.createStatement().execute("create table t (v text); insert into t values ('kept')");
            }
        }

        try (PostgresServer pg = PostgresServer.start(CACHE, dir.resolve("pg"), port, false);
                var c = DriverManager.getConnection(pg.jdbcUrl("kiln"), "postgres", "")) {
            var rs = c.createStatement().executeQuery("select v from t");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void kafkaDeliversARecordAndComesBackAfterAStop() {
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), FreePorts.next(), FreePorts.next(),
                KafkaBroker.testJvmOptions())) {
            produce(kafka, "before");
            kafka.stop();
            kafka.start();
            produce(kafka, "after");

            assertThat(consumeAll(kafka)).containsExactly("before", "after");
        }
    }

    @Test
    void s3ServerAnswersSignedAndRejectsAnonymousRequests() throws Exception {
        try (S3Server s3 = S3Server.start(dir.resolve("s3"), FreePorts.next(), "kiln", "kiln-secret-key",
                S3Server.testJvmOptions())) {
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(s3.endpoint() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).isEqualTo(403);
            assertThat(anonymous.body()).contains("AccessDenied");
        }
    }

    @Test
    void gitRemoteIsSeededOnceAndClonable() throws Exception {
        Path bare = dir.resolve("scripts.git");
        GitRemote.seeded(bare, "main", Map.of("sdk_container/.repo/manifests/version.txt", "FLATCAR_VERSION=1\n",
                "ci-automation/packages.sh", "#!/bin/sh\necho hi\n"), "Initial commit");
        GitRemote remote = GitRemote.seeded(bare, "main", Map.of("other", "x"), "ignored");

        try (Git clone = Git.cloneRepository().setURI(remote.uri().toString()).setDirectory(dir.resolve("c").toFile())
                .call()) {
            assertThat(Files.readString(dir.resolve("c/sdk_container/.repo/manifests/version.txt")))
                    .isEqualTo("FLATCAR_VERSION=1\n");
            assertThat(Files.isExecutable(dir.resolve("c/ci-automation/packages.sh"))).isTrue();
            assertThat(dir.resolve("c/other")).doesNotExist();
        }
    }

    private static void produce(KafkaBroker kafka, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("infra-test", "k", value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> consumeAll(KafkaBroker kafka) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-test");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("infra-test"));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
