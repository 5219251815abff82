package dev.kiln.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.StepSucceeded;
import dev.kiln.events.kafka.CloudEventRecords;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.k8s.bincache.BincacheGateway;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Across all services, through the stack a user runs: a nightly build allocates a version (git tag in
 * the scripts repository), runs every step of the full pipeline as local processes, lands its outputs in
 * the build cache, and tells the world on Kafka; a step that outlives its timeout dies with its children;
 * Flatcar's own ssh+rsync upload lands in the cache through the bincache gateway.
 */
class NightlyBuildIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HANG_MARKER = "kiln-it-hang-" + UUID.randomUUID().toString().substring(0, 8);
    private static KilnLocal kiln;
    private static StackClient stack;

    @BeforeAll
    static void startStack() throws Exception {
        kiln = new KilnLocal(Path.of("target", "it-nightly-" + UUID.randomUUID()).toAbsolutePath());
        Files.createDirectories(kiln.dataDir.resolve("pipelines"));
        Files.writeString(kiln.dataDir.resolve("pipelines/hang.yaml"), """
                name: hang
                description: One step that outlives its timeout, with children of its own.
                steps:
                  - name: hang
                    image: registry.example.org/any:1
                    run: |
                      bash -c 'exec -a %1$s-child sleep 600' &
                      bash -c 'bash -c "exec -a %1$s-grandchild sleep 601" & wait' &
                      exec -a %1$s sleep 602
                    timeout: 3s
                    retry: {attempts: 1}
                """.formatted(HANG_MARKER));
        Files.writeString(kiln.dataDir.resolve("pipelines/probe.yaml"), """
                name: probe
                description: One quick step, to see a version of each kind reach a build.
                steps:
                  - name: probe
                    image: registry.example.org/any:1
                    run: grep -x "FLATCAR_VERSION=$$KILN_VERSION" sdk_container/.repo/manifests/version.txt
                    timeout: 1m
                    retry: {attempts: 1}
                """);
        kiln.up().assertSucceeded();
        stack = StackClient.of(kiln.dataDir);
    }

    @AfterAll
    static void stopStack() {
        if (kiln != null) {
            kiln.down();
        }
    }

    @Test
    void nightlyWalksFromVersionToCachedOutputsAndEvents() throws Exception {
        JsonNode build = new NightlyDemo(stack, new PrintStream(PrintStream.nullOutputStream()))
                .run(List.of("amd64", "arm64"), List.of("qemu_uefi"), Duration.ofMinutes(4));

        assertThat(build.path("state").asText()).as(build.toPrettyString()).isEqualTo("succeeded");
        assertThat(build.path("steps")).hasSize(12).allSatisfy(step ->
                assertThat(step.path("state").asText()).as(step.path("run").asText()).isEqualTo("succeeded"));
        String tag = build.path("tag").asText();
        String version = build.path("version").asText();
        assertThat(tag).matches("main-\\d{4}\\.0\\.0-nightly-\\d{8}-\\d{4}");

        JsonNode allocation = stack.get(stack.url(Component.VERSION_SERVICE) + "/api/v1/versions/" + tag);
        assertThat(allocation.path("version").asText()).isEqualTo(version);
        try (Git git = Git.open(kiln.dataDir.resolve("git/scripts.git").toFile())) {
            assertThat(git.getRepository().findRef("refs/tags/" + tag)).isNotNull();
        }

        String cache = stack.url(Component.ARTIFACT_SERVICE) + "/cache/";
        for (String arch : List.of("amd64", "arm64")) {
            String image = "images/" + arch + "/" + version.replace("+", "%2B") + "/flatcar_production_image.bin.bz2";
            assertThat(head(cache + image)).as(image).isEqualTo(200);
            assertThat(head(cache + image + ".DIGESTS")).isEqualTo(200);
        }

        List<IncomingEvent> builds = events("kiln.builds", build.path("id").asText(), 15);
        assertThat(builds).extracting(IncomingEvent::type).contains(
                EventCatalog.BUILD_REQUESTED.name(), EventCatalog.BUILD_STARTED.name(),
                EventCatalog.STEP_SUCCEEDED.name(), EventCatalog.BUILD_SUCCEEDED.name());
        StepSucceeded image = builds.stream().filter(e -> e.is(EventCatalog.STEP_SUCCEEDED))
                .map(e -> e.dataAs(EventCatalog.STEP_SUCCEEDED)).filter(s -> s.stepRun().equals("image-amd64"))
                .findFirst().orElseThrow();
        assertThat(image.outputs()).anySatisfy(p -> assertThat(p).endsWith("flatcar_production_image.bin.bz2"));
        assertThat(events("kiln.versions", tag, 1)).extracting(IncomingEvent::type)
                .contains(EventCatalog.VERSION_TAGGED.name());
    }

    @Test
    void theDemoRequestedTwiceInOneMinuteSucceedsTwiceOnTwoVersions() throws Exception {
        var demos = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = demos.submit(() -> new NightlyDemo(stack, new PrintStream(PrintStream.nullOutputStream()))
                    .run(List.of("amd64"), List.of("qemu_uefi"), Duration.ofMinutes(6)));
            var second = demos.submit(() -> new NightlyDemo(stack, new PrintStream(PrintStream.nullOutputStream()))
                    .run(List.of("amd64"), List.of("qemu_uefi"), Duration.ofMinutes(6)));

            JsonNode a = first.get();
            JsonNode b = second.get();

            assertThat(a.path("state").asText()).as(a.toPrettyString()).isEqualTo("succeeded");
            assertThat(b.path("state").asText()).as(b.toPrettyString()).isEqualTo("succeeded");
            assertThat(a.path("tag").asText()).isNotEqualTo(b.path("tag").asText());
            assertThat(List.of(a.path("tag").asText(), b.path("tag").asText()))
                    .allMatch(tag -> tag.matches("main-\\d{4}\\.0\\.0-nightly-\\d{8}-\\d{4}"));
        } finally {
            demos.shutdownNow();
        }
    }

    @Test
    void theCommandLineFollowsABuildReadsItsLogAndMovesFiftyMegabytesThroughTheCache() throws Exception {
        Path config = kiln.dataDir.resolve("kiln-cli.config");
        kiln.cli(config, "config", "use-local", "--data-dir", kiln.dataDir.toString()).assertSucceeded();

        KilnLocal.Result follow = kiln.cli(config, "build", "start", "--pipeline", "probe", "--kind", "nightly",
                "--arch", "amd64", "--follow").assertSucceeded();
        java.util.regex.Matcher done = java.util.regex.Pattern.compile("build (\\w+) succeeded (\\S+)").matcher(follow.output());
        assertThat(done.find()).as(follow.output()).isTrue();
        KilnLocal.Result log = kiln.cli(config, "logs", done.group(1), "probe").assertSucceeded();
        Path big = kiln.dataDir.resolve("big.bin");
        byte[] bytes = new byte[50 * 1024 * 1024];
        new java.util.Random(4593).nextBytes(bytes);
        Files.write(big, bytes);
        kiln.cli(config, "cache", "put", big.toString(), "testing/it-cli/big.bin").assertSucceeded();
        kiln.cli(config, "cache", "get", "testing/it-cli/big.bin", kiln.dataDir.resolve("big.back").toString())
                .assertSucceeded();
        KilnLocal.Result missing = kiln.cli(config, "build", "show", "no-such-build");

        assertThat(log.output()).contains("FLATCAR_VERSION=" + done.group(2).replaceFirst("^main-", "")
                .replaceFirst("-nightly", "+nightly"));
        assertThat(java.util.Arrays.equals(Files.readAllBytes(kiln.dataDir.resolve("big.back")), bytes)).isTrue();
        assertThat(missing.exitCode()).as(missing.output()).isEqualTo(3);
        assertThat(missing.output()).contains("no build 'no-such-build'")
                .doesNotContain(Files.readString(kiln.dataDir.resolve("admin.token")).strip());
    }

    @Test
    void everyKindOfVersionStartsABuildThroughBuildRunner() throws Exception {
        String alpha = buildOfKind(java.util.Map.of("kind", "alpha"));
        String major = alpha.substring("alpha-".length(), alpha.indexOf('.'));
        String nightly = buildOfKind(java.util.Map.of("kind", "nightly"));
        String beta = buildOfKind(java.util.Map.of("kind", "promotion", "from", alpha, "to", "beta"));
        String patch = buildOfKind(java.util.Map.of("kind", "patch", "from", beta));
        String dev = buildOfKind(java.util.Map.of("kind", "dev", "suffix", "it-kinds"));

        assertThat(alpha).matches("alpha-\\d{4}\\.0\\.0");
        assertThat(nightly).matches("main-\\d{4}\\.0\\.0-nightly-\\d{8}-\\d{4}");
        assertThat(beta).isEqualTo("beta-" + major + ".1.0");
        assertThat(patch).isEqualTo("beta-" + major + ".1.1");
        assertThat(dev).matches("main-\\d+\\.\\d+\\.\\d+-it-kinds");
    }

    /** Starts the probe pipeline on a new version of the kind {@code request} names; returns the tag it built. */
    private static String buildOfKind(java.util.Map<String, Object> request) throws InterruptedException {
        java.util.Map<String, Object> body = new java.util.HashMap<>(request);
        body.put("pipeline", "probe");
        body.put("arches", List.of("amd64"));
        String id = stack.post(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds", body).path("id").asText();
        JsonNode build = awaitFinished(id, Duration.ofMinutes(2));
        assertThat(build.path("state").asText()).as(request + ": " + build.toPrettyString()).isEqualTo("succeeded");
        return build.path("tag").asText();
    }

    @Test
    void theOsAndSysextPipelinesRunEndToEndToo() throws Exception {
        String runner = stack.url(Component.BUILD_RUNNER);
        String os = stack.post(runner + "/api/v1/builds", java.util.Map.of("pipeline", "os", "kind", "dev",
                "branch", "main", "suffix", "it-os", "arches", List.of("arm64"), "vendors", List.of("qemu_uefi")))
                .path("id").asText();
        String sysext = stack.post(runner + "/api/v1/builds", java.util.Map.of("pipeline", "sysext", "kind", "dev",
                "branch", "main", "suffix", "it-sysext", "arches", List.of("amd64", "arm64"),
                "params", java.util.Map.of("extension", "kubernetes", "extensionVersion", "v1.33.2"))).path("id").asText();

        JsonNode osBuild = awaitFinished(os, Duration.ofMinutes(4));
        JsonNode sysextBuild = awaitFinished(sysext, Duration.ofMinutes(2));

        assertThat(osBuild.path("state").asText()).as(osBuild.toPrettyString()).isEqualTo("succeeded");
        assertThat(osBuild.path("steps")).extracting(step -> step.path("run").asText()).containsExactlyInAnyOrder(
                "packages-arm64", "push_pkgs-arm64", "image-arm64", "tests-arm64-qemu_uefi", "vms-arm64-qemu_uefi");
        assertThat(sysextBuild.path("state").asText()).as(sysextBuild.toPrettyString()).isEqualTo("succeeded");
        String cache = stack.url(Component.ARTIFACT_SERVICE) + "/cache/sysexts/kubernetes-v1.33.2/";
        for (String file : List.of("kubernetes-v1.33.2-x86-64.raw", "kubernetes-v1.33.2-arm64.raw", "SHA256SUMS",
                "kubernetes.conf")) {
            assertThat(head(cache + file)).as(file).isEqualTo(200);
        }
    }

    @Test
    void stepExceedingItsTimeoutIsKilledWithItsChildren() throws Exception {
        JsonNode build = stack.post(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds", java.util.Map.of(
                "pipeline", "hang", "kind", "dev", "branch", "main", "suffix", "it-" + HANG_MARKER,
                "arches", List.of("amd64")));
        String id = build.path("id").asText();

        JsonNode finished = awaitFinished(id, Duration.ofMinutes(2));

        assertThat(finished.path("state").asText()).isEqualTo("failed");
        assertThat(finished.path("steps").get(0).path("reason").asText()).containsIgnoringCase("timeout");
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(HANG_MARKER))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))).isEmpty();
    }

    @Test
    void flatcarsOwnCopyToBuildcacheLandsInTheCacheThroughTheBincacheGateway() throws Exception {
        Path work = Files.createDirectories(kiln.dataDir.resolve("gateway-files"));
        byte[] image = new byte[5_000_000];
        new java.util.Random(11).nextBytes(image);
        Files.write(work.resolve("flatcar_production_image.bin.bz2"), image);
        Files.writeString(work.resolve("flatcar_production_image.bin.bz2.DIGESTS"), "# SHA512 HASH\n");
        String dir = "images/amd64/9999.0.0+gateway-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        String cache = stack.url(Component.ARTIFACT_SERVICE) + "/cache/";
        Path files = Path.of(System.getProperty("kiln.repo.root", "../..")).resolve("k8s/bincache");

        try (BincacheGateway gateway = new BincacheGateway(files, Files.createDirectories(kiln.dataDir.resolve("bincache")),
                stack.url(Component.ARTIFACT_SERVICE) + "/cache", Files.readString(kiln.dataDir.resolve("admin.token")).trim())) {
            var mkdir = gateway.ssh("mkdir -p /mnt/buckets/linode-bincache/" + dir);
            var rsync = gateway.rsync(List.of(work + "/flatcar_production_image.bin.bz2",
                    work + "/flatcar_production_image.bin.bz2.DIGESTS",
                    gateway.login() + ":/mnt/buckets/linode-bincache/" + dir));
            var listing = gateway.curl("--fail", "-H", "Accept: application/json", "--cacert",
                    gateway.caCertificate().toString(), gateway.httpsUrl() + "/" + dir);
            var read = gateway.curl("--fail", "--cacert", gateway.caCertificate().toString(), "-o",
                    work.resolve("read-back").toString(), gateway.httpsUrl() + "/" + dir + "flatcar_production_image.bin.bz2");

            assertThat(mkdir.exit()).as(mkdir.stderr()).isZero();
            assertThat(rsync.exit()).as(rsync.stderr() + gateway.logs()).isZero();
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(cache + dir + "flatcar_production_image.bin.bz2")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(image);
            assertThat(listing.exit()).as(listing.stderr()).isZero();
            assertThat(listing.stdout()).contains("\"flatcar_production_image.bin.bz2\"",
                    "\"flatcar_production_image.bin.bz2.DIGESTS\"");
            assertThat(read.exit()).as(read.stderr()).isZero();
            assertThat(Files.readAllBytes(work.resolve("read-back"))).isEqualTo(image);
        }
    }

    private static JsonNode awaitFinished(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode build;
        do {
            Thread.sleep(300);
            build = stack.get(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds/" + id);
        } while (!List.of("succeeded", "failed", "cancelled").contains(build.path("state").asText())
                && System.nanoTime() < deadline);
        return build;
    }

    private static int head(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<IncomingEvent> events(String topic, String key, int atLeast) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kiln.ports.get("kafka"));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<IncomingEvent> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(CloudEventRecords.read(r));
                    }
                });
            }
        }
        return found;
    }
}
