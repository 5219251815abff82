package dev.kiln.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.kafka.IncomingEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 13's fault suite, on one local stack: faults one after another (each test leaves the stack whole, the order
 * only keeps the whole-stack restart last), each while a nightly runs or right before one, through
 * {@code ./kiln-local kill|restart} as an operator would. Figures go to the test output (docs/reliability.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("version-service", "build-runner", "artifact-service",
            "release-service");
    private static final Set<String> OUTBOX_SOURCES = Set.of("/kiln/version-service", "/kiln/build-runner",
            "/kiln/artifact-service", "/kiln/release-service");
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private static KilnLocal kiln;
    private static StackClient stack;
    private static GatedNightly nightly;
    private static OutboxLedger ledger;
    private static String token;

    @BeforeAll
    static void startStack() throws Exception {
        kiln = new KilnLocal(Path.of("target", "it-faults-" + UUID.randomUUID()).toAbsolutePath());
        GatedNightly.install(kiln.dataDir);
        kiln.up().assertSucceeded();
        connect();
        ledger = new OutboxLedger(kiln.ports.get("postgres"), kiln.ports.get("kafka"));
    }

    private static void connect() throws Exception {
        stack = StackClient.of(kiln.dataDir);
        nightly = GatedNightly.of(kiln.dataDir, stack);
        token = Files.readString(kiln.dataDir.resolve("admin.token")).strip();
    }

    @AfterAll
    static void stopStack() {
        if (kiln != null) {
            kiln.down();
        }
    }

    @Test
    @Order(1)
    void aKafkaOutageMidBuildKeepsEveryServiceReadyAndEveryOutboxRowReachesKafkaOnce() throws Exception {
        String build = nightly.request();
        nightly.awaitRunning(build, "sdk_bootstrap", Duration.ofMinutes(2));
        long unsentPeak;
        List<String> notReady;
        int probes;

        try (ReadinessWatch watch = ReadinessWatch.of(serviceUrls())) {
            kiln.kill("kafka").assertSucceeded();
            Instant outageStart = Instant.now();
            nightly.open(build, "sdk_bootstrap", "sdk_container", "packages-amd64");
            await("packages built while Kafka is down").atMost(Duration.ofMinutes(3)).ignoreExceptions()
                    .until(() -> state(build, "packages-amd64").equals("succeeded"));
            unsentPeak = ledger.unsent();
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(kiln.serviceUrl("artifact-service") + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            await("an outage of " + OUTAGE).atMost(OUTAGE.plusMinutes(1))
                    .until(() -> Duration.between(outageStart, Instant.now()).compareTo(OUTAGE) >= 0);
            kiln.restart("kafka").assertSucceeded();
            nightly.openAll(build);
            JsonNode finished = nightly.awaitFinished(build, Duration.ofMinutes(4));
            assertThat(finished.path("state").asText()).as(finished.toPrettyString()).isEqualTo("succeeded");
            assertThat(metrics).containsPattern("kiln_outbox_backlog(\\{[^}]*\\})? [1-9]");
            notReady = watch.notReady();
            probes = watch.probes();
        }
        await("every outbox row sent").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ledger.unsent() == 0);
        Map<String, Set<String>> outbox = ledger.outboxIds();
        List<OutboxLedger.Published> published = ledger.published();

        assertThat(unsentPeak).as("events waiting in the outboxes during the outage").isPositive();
        assertThat(notReady).as("readiness answers other than 200 during the Kafka outage (of " + probes + ")").isEmpty();
        Map<String, Long> copies = published.stream().filter(p -> p.id() != null)
                .collect(Collectors.groupingBy(OutboxLedger.Published::id, Collectors.counting()));
        Set<String> allRows = outbox.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(allRows).as("outbox rows missing on Kafka").allSatisfy(id -> assertThat(copies).containsKey(id));
        assertThat(published.stream().filter(p -> OUTBOX_SOURCES.contains(p.source())).map(OutboxLedger.Published::id)
                .collect(Collectors.toSet())).as("events of the services that are in no outbox").isEqualTo(allRows);
        long duplicates = allRows.stream().mapToLong(id -> copies.get(id) - 1).sum();
        System.out.printf("FAULT kafka: outbox rows %s (total %d), unsent at the outage's peak %d; Kafka records %d "
                        + "(%d of the services, %d redelivered copies, %d distinct after dedupe); %d readiness probes, "
                        + "%d not ready%n",
                outbox.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())),
                allRows.size(), unsentPeak, published.size(),
                published.stream().filter(p -> OUTBOX_SOURCES.contains(p.source())).count(), duplicates,
                allRows.size(), probes, notReady.size());
    }

    @Test
    @Order(2)
    void servicesKilledOneAfterAnotherMidPipelineFinishTheNightlyWithoutDuplicatesOrLostLogs() throws Exception {
        Set<String> tagsBefore = tags();
        String build = nightly.request();

        nightly.awaitRunning(build, "sdk_bootstrap", Duration.ofMinutes(2));
        crashAndRestart("version-service");
        nightly.open(build, "sdk_bootstrap");
        nightly.awaitRunning(build, "sdk_container", Duration.ofMinutes(2));
        crashAndRestart("build-runner");
        nightly.awaitRunning(build, "sdk_container", Duration.ofMinutes(2));
        nightly.open(build, "sdk_container");
        nightly.awaitRunning(build, "packages-amd64", Duration.ofMinutes(2));
        crashAndRestart("artifact-service");
        nightly.openAll(build);
        JsonNode finished = nightly.awaitFinished(build, Duration.ofMinutes(4));
        String devTag = allocateDevVersion("after-crashes-" + build);

        assertThat(finished.path("state").asText()).as(finished.toPrettyString()).isEqualTo("succeeded");
        assertThat(finished.path("steps")).extracting(s -> s.path("run").asText())
                .containsExactlyInAnyOrderElementsOf(GatedNightly.RUNS);
        Set<String> newTags = tags();
        newTags.removeAll(tagsBefore);
        assertThat(newTags).as("tags made by the nightly and one allocation after the crashes")
                .containsExactlyInAnyOrder(finished.path("tag").asText(), devTag);
        Map<String, Long> terminal = distinctEvents("kiln.builds", build, e -> e.path("type").asText().equals(EventCatalog.STEP_SUCCEEDED.name())
                || e.path("type").asText().equals(EventCatalog.BUILD_SUCCEEDED.name()));
        assertThat(terminal).as("step.succeeded per run and build.succeeded, counted by distinct event id")
                .hasSize(GatedNightly.RUNS.size() + 1).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
        String version = finished.path("version").asText();
        Map<String, Long> stored = distinctEvents("kiln.artifacts", null, e -> e.path("type").asText().equals(EventCatalog.ARTIFACT_STORED.name())
                && e.path("path").asText().contains(version));
        assertThat(stored).as("artifact.stored per path of this version").isNotEmpty()
                .allSatisfy((path, count) -> assertThat(count).as(path).isEqualTo(1));
        // the restarted runner asked for a second step token (the first one's secret died with the process); the
        // steps after the restart wrote the cache with it, and both end with the build
        await("the build's step tokens revoked").atMost(Duration.ofMinutes(1)).until(() -> stepTokens(build, true) == 0);
        assertThat(stepTokens(build, false)).as("step tokens issued to " + build).isGreaterThanOrEqualTo(2);
        for (JsonNode step : finished.path("steps")) {
            String log = stack.getText(stack.url(Component.BUILD_RUNNER) + step.path("logUrl").asText());
            assertThat(log).as(step.path("run").asText()).contains("passed its gate").contains("upload ");
            String cached = stack.url(Component.ARTIFACT_SERVICE) + "/cache/" + step.path("logPath").asText().replace("+", "%2B");
            await(step.path("run").asText() + "'s log in the cache").atMost(Duration.ofMinutes(1)).until(() -> head(cached) == 200);
        }
        System.out.printf("FAULT crashes: build %s %s; attempts %s; new tags %d; step/build.succeeded events %d (each once);"
                        + " artifact.stored paths %d (each once); step logs %d (all in the cache)%n", build, version,
                attempts(finished), newTags.size(), terminal.size(), stored.size(), finished.path("steps").size());
    }

    /** The build's step tokens in artifact-service's table: all of them, or those still live. */
    private static int stepTokens(String build, boolean live) throws SQLException {
        String sql = "select count(*) from artifact_service.step_token where build_id = ?"
                + (live ? " and revoked_at is null and expires_at > now()" : "");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + kiln.ports.get("postgres") + "/"
                + LocalStack.DATABASE, "postgres", ""); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, build);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void crashAndRestart(String service) throws Exception {
        long pid = kiln.servicePid(service);
        kiln.kill(service).assertSucceeded();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as(service + " killed").isEmpty();
        Instant start = Instant.now();
        kiln.restart(service).assertSucceeded();
        System.out.printf("FAULT crashes: %s killed (pid %d) and ready again on its data after %d ms%n", service, pid,
                Duration.between(start, Instant.now()).toMillis());
    }

    @Test
    @Order(3)
    void aPostgresOutageAnswers503ProblemsWritesNothingAndRecoversWithoutARestart() throws Exception {
        Map<String, Long> pids = servicePids();
        String marker = "pg-outage-" + UUID.randomUUID().toString().substring(0, 8);
        OutageProbe probe = new OutageProbe(kiln, token);
        List<OutageProbe.Answer> answers = new ArrayList<>();
        List<String> notReady;
        Duration recovered;

        try (ReadinessWatch watch = ReadinessWatch.of(serviceUrls())) {
            kiln.kill("postgres").assertSucceeded();
            Instant outageStart = Instant.now();
            for (int round = 0; Duration.between(outageStart, Instant.now()).compareTo(OUTAGE) < 0; round++) {
                answers.addAll(probe.round(marker + "-" + round));
            }
            kiln.restart("postgres").assertSucceeded();
            Instant back = Instant.now();
            await("every service ready again, without a restart").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> SERVICES.stream().allMatch(s -> status(s) == 200));
            recovered = Duration.between(back, Instant.now());
            notReady = watch.notReady();
        }
        JsonNode build = new NightlyDemo(stack, new java.io.PrintStream(java.io.PrintStream.nullOutputStream()))
                .run(List.of("amd64"), List.of(), Duration.ofMinutes(4));

        assertThat(answers).as("answers during the outage").isNotEmpty().allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(503);
            assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
            assertThat(a.body()).as(a.toString()).contains("/problems/database-unavailable");
        });
        assertThat(tags()).as("tags of versions asked for during the outage").noneMatch(t -> t.contains(marker));
        assertThat(stack.getText(kiln.serviceUrl("version-service") + "/api/v1/versions?size=100")).doesNotContain(marker);
        assertThat(stack.getText(kiln.serviceUrl("build-runner") + "/api/v1/builds?size=100")).doesNotContain(marker);
        assertThat(head(kiln.serviceUrl("artifact-service") + "/cache/testing/" + marker + "-0/probe.txt")).isEqualTo(404);
        assertThat(build.path("state").asText()).as(build.toPrettyString()).isEqualTo("succeeded");
        assertThat(servicePids()).as("no service restarted").isEqualTo(pids);
        System.out.printf("FAULT postgres: %d requests during a %d s outage, statuses %s, slowest %d ms; not-ready "
                        + "probes %s (first: %s); every service ready %d ms after PostgreSQL; nightly %s afterwards: %s%n",
                answers.size(), OUTAGE.toSeconds(), answers.stream().collect(Collectors.groupingBy(a -> a.request()
                        + "=" + a.status(), java.util.TreeMap::new, Collectors.counting())),
                answers.stream().mapToLong(OutageProbe.Answer::millis).max().orElse(0),
                notReady.stream().collect(Collectors.groupingBy(n -> n.substring(0, n.indexOf(':')), Collectors.counting())),
                notReady.stream().findFirst().map(n -> n.substring(0, Math.min(n.length(), 400))).orElse("none"),
                recovered.toMillis(), build.path("version").asText(), build.path("state").asText());
    }

    @Test
    @Order(4)
    void anS3OutageDuringA200MegabyteUploadLeavesNothingVisibleAndARetrySucceeds() throws Exception {
        Path file = kiln.dataDir.resolve("upload-200m.bin");
        byte[] chunk = new byte[1024 * 1024];
        new java.util.Random(4593).nextBytes(chunk);
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 200; i++) {
                chunk[0] = (byte) i;
                out.write(chunk);
            }
        }
        String dir = "testing/s3-outage-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        String path = dir + "flatcar_production_image.bin";
        String cache = kiln.serviceUrl("artifact-service") + "/cache/";
        PausingUpload.Answer failed;
        List<String> notReady;

        try (ReadinessWatch watch = ReadinessWatch.of(Map.of("artifact-service", kiln.serviceUrl("artifact-service")));
                PausingUpload upload = PausingUpload.start(kiln.ports.get("artifact-service"), "/cache/" + path, token,
                        file, 64L * 1024 * 1024)) {
            upload.awaitPaused(Duration.ofMinutes(2));
            kiln.kill("s3").assertSucceeded();
            upload.resume();
            failed = upload.answer();
            System.out.printf("FAULT s3: the upload was answered after %d of %d bytes%n", upload.written(), Files.size(file));
            assertThat(head(cache + path)).as("HEAD while S3 is down").isNotEqualTo(200);
            kiln.restart("s3").assertSucceeded();
            await("artifact-service ready once S3 is back").atMost(Duration.ofMinutes(2))
                    .until(() -> status("artifact-service") == 200);
            notReady = watch.notReady();
        }
        int headAfter = head(cache + path);
        String listing = send(HttpRequest.newBuilder(URI.create(cache + dir)).header("Accept", "application/json")).body();
        int artifact = send(HttpRequest.newBuilder(URI.create(kiln.serviceUrl("artifact-service") + "/api/v1/artifacts/" + path)))
                .statusCode();
        HttpResponse<String> retry = send(HttpRequest.newBuilder(URI.create(cache + path))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofFile(file))
                .timeout(Duration.ofMinutes(5)));

        assertThat(failed.status()).as(failed.toString()).isBetween(500, 599);
        assertThat(failed.headers().get("content-type")).as(failed.toString()).startsWith("application/problem+json");
        assertThat(headAfter).as("HEAD of the failed upload's path").isEqualTo(404);
        assertThat(listing).as("its directory").doesNotContain("flatcar_production_image.bin");
        assertThat(artifact).as("its artifact record").isEqualTo(404);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(cache + path)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding()).headers().firstValueAsLong("Content-Length").orElse(-1))
                .isEqualTo(Files.size(file));
        System.out.printf("FAULT s3: answer %d %s; artifact-service not ready %d times; HEAD after %d, record %d; "
                + "retry %d%n", failed.status(), failed.body(), notReady.size(), headAfter, artifact, retry.statusCode());
    }

    @Test
    @Order(5)
    void theWholeStackRestartedOnItsDataDirectoryBuildsANightly() throws Exception {
        Set<String> tagsBefore = tags();
        String anyBuild = stack.get(kiln.serviceUrl("build-runner") + "/api/v1/builds?size=1").path("items").path(0)
                .path("id").asText();

        kiln.down().assertSucceeded();
        Instant start = Instant.now();
        kiln.up().assertSucceeded();
        Duration up = Duration.between(start, Instant.now());
        connect();
        JsonNode build = new NightlyDemo(stack, new java.io.PrintStream(java.io.PrintStream.nullOutputStream()))
                .run(List.of("amd64"), List.of(), Duration.ofMinutes(4));

        assertThat(build.path("state").asText()).as(build.toPrettyString()).isEqualTo("succeeded");
        assertThat(tags()).containsAll(tagsBefore).contains(build.path("tag").asText());
        assertThat(stack.get(kiln.serviceUrl("build-runner") + "/api/v1/builds/" + anyBuild).path("id").asText())
                .isEqualTo(anyBuild);
        System.out.printf("FAULT whole stack: up again on its data in %d ms; nightly %s %s%n", up.toMillis(),
                build.path("version").asText(), build.path("state").asText());
    }

    @Test
    @Order(6)
    void withTheBrokerDeadTheWholeStackStopsInSeconds() throws Exception {
        kiln.kill("kafka").assertSucceeded();

        Instant start = Instant.now();
        kiln.down().assertSucceeded();
        Duration down = Duration.between(start, Instant.now());

        // was 42 s: every Kafka client waited out its close timeout, and the services stopped one after the other.
        // Now 4 s by hand, 7 to 8 s in this test; one CI run under load took 22.6 s (not explained yet), so the bound
        // is loose enough for a loaded machine and still catches the old behaviour
        assertThat(down).as("./kiln-local down with Kafka dead").isLessThan(Duration.ofSeconds(30));
        assertThat(kiln.status().output()).contains("Kiln is not running");
        System.out.printf("FAULT down: with Kafka dead the stack stopped in %d ms%n", down.toMillis());
    }

    // ----------------------------------------------------------------------------------------------------------

    private static Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        SERVICES.forEach(s -> urls.put(s, kiln.serviceUrl(s)));
        urls.put("console", kiln.serviceUrl("console"));
        return urls;
    }

    private static int status(String service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(kiln.serviceUrl(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static Map<String, Long> servicePids() throws Exception {
        Map<String, Long> pids = new HashMap<>();
        for (String service : SERVICES) {
            pids.put(service, kiln.servicePid(service));
        }
        return pids;
    }

    private static String state(String build, String run) {
        for (JsonNode step : nightly.build(build).path("steps")) {
            if (step.path("run").asText().equals(run)) {
                return step.path("state").asText();
            }
        }
        return "absent";
    }

    private static String attempts(JsonNode build) {
        Map<String, Integer> attempts = new LinkedHashMap<>();
        build.path("steps").forEach(s -> attempts.put(s.path("run").asText(), s.path("attempt").asInt()));
        return attempts.toString();
    }

    /** Events of {@code topic} (with {@code key}, unless null) that {@code filter} keeps, by what they say. */
    private static Map<String, Long> distinctEvents(String topic, String key, Predicate<JsonNode> filter) throws Exception {
        Map<String, Set<String>> idsBySubject = new HashMap<>();
        for (IncomingEvent e : ledger.events(topic, key)) {
            ObjectNode data = (ObjectNode) JSON.readTree(e.data());
            if (filter.test(data.put("type", e.type()))) {
                String subject = e.type() + " " + (data.has("stepRun") ? data.path("stepRun").asText() : data.path("path").asText());
                idsBySubject.computeIfAbsent(subject, s -> new HashSet<>()).add(e.id());
            }
        }
        return idsBySubject.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size()));
    }

    private static Set<String> tags() throws Exception {
        try (Git git = Git.open(kiln.dataDir.resolve("git/scripts.git").toFile())) {
            return git.tagList().call().stream().map(Ref::getName).map(n -> n.substring("refs/tags/".length()))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static String allocateDevVersion(String suffix) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(kiln.serviceUrl("version-service")
                + "/api/v1/versions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"dev\",\"suffix\":\"" + suffix + "\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("tag").asText();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int head(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
