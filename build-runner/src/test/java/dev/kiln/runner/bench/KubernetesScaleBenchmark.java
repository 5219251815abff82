package dev.kiln.runner.bench;

import static dev.kiln.runner.support.Api.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.localstack.infra.FreePorts;
import dev.kiln.runner.process.FakeServicesServer;
import dev.kiln.runner.process.MockCluster;
import dev.kiln.runner.process.RunnerDeployment;
import dev.kiln.runner.support.Api;
import dev.kiln.runner.support.FakeCache;
import dev.kiln.testing.KilnServicesResource;
import dev.kiln.testing.PackagedService;
import dev.kiln.testing.TestInfrastructure;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * P3: about 2,000 concurrent step Jobs against a Fabric8 mock API server driven by the test kubelet. The runner
 * is the packaged {@code quarkus-run.jar} in a JVM of its own with the Deployment's JVM flags
 * ({@link RunnerDeployment}) and native memory tracking for {@link ProcessMemoryReport}; the mock API server
 * and the kubelet run in another ({@link MockCluster}); this JVM drives the builds and serves the fake version-service and artifact-service. Every first-step Job is held
 * running until all exist; then the runner's RSS is read; then the Jobs complete at a steady rate and, per
 * Job, the time from the kubelet marking it complete to its successor Job appearing is measured. Checks (and
 * fails otherwise) that every step run got exactly one Job, ended succeeded and has a stored log, and that
 * every transition was recorded in the outbox; never asserts on timing.
 */
class KubernetesScaleBenchmark {

    private static final List<String> ARCHES = List.of("amd64", "arm64");
    /** Eighteen vendors Flatcar builds for both arches, and two for amd64 only: 38 first-step Jobs a build. */
    private static final List<String> VENDORS = List.of("akamai", "ami", "ami_vmdk", "aws", "azure", "hetzner", "iso",
            "kubevirt", "openstack", "openstack_mini", "oraclecloud", "proxmoxve", "pxe", "qemu", "qemu_uefi",
            "qemu_update", "scaleway", "stackit", "gce", "vmware");
    private static final int BUILDS = 53;
    private static final int JOBS_PER_BUILD = 38;
    private static final int COMPLETIONS_PER_SECOND = 50;
    private static final String SERVICE_TOKEN = "bench-service-token";
    private static final String CACHE_TOKEN = "bench-cache-token";

    private final Path dir = Path.of("target", "p3", Long.toString(System.currentTimeMillis())).toAbsolutePath();
    private final Path cacheDir = dir.resolve("cache");

    @Test
    void twoThousandConcurrentStepJobs() throws Exception {
        Files.createDirectories(cacheDir);
        Map<String, String> infrastructure = new KilnServicesResource().start();
        try (MockCluster cluster = new MockCluster();
                FakeServicesServer fakes = new FakeServicesServer(new FakeCache(cacheDir), Set.of(SERVICE_TOKEN, CACHE_TOKEN))) {
            Map<String, String> config = new HashMap<>(infrastructure);
            config.putAll(cluster.clientConfig());
            config.putAll(runnerConfig(fakes.baseUrl()));
            int port = FreePorts.next();
            try (PackagedService runner = RunnerDeployment.launch().jvmOptions(ProcessMemoryReport.JVM_FLAG)
                    .systemProperties(config).log(dir.resolve("runner.log")).start(port).awaitReady(Duration.ofMinutes(3))) {
                RestAssured.port = port;
                run(cluster, runner.pid());
            }
        }
    }

    /** The runner's configuration besides infrastructure and cluster: the fakes, tokens, test pipelines, timings. */
    private Map<String, String> runnerConfig(String fakes) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.version-service.url", fakes + "/fake-version");
        config.put("quarkus.rest-client.artifact-service.url", fakes + "/fake-artifacts");
        config.put("kiln.runner.cache-url", fakes + "/fake-artifacts/cache");
        config.put("kiln.service-token", SERVICE_TOKEN);
        config.put("kiln.runner.scripts-repo-url", "https://github.com/flatcar/scripts.git");
        config.put("kiln.runner.work-dir", dir.resolve("work").toString());
        config.put("kiln.runner.pipelines-dir", Path.of("src/test/resources/pipelines").toAbsolutePath().toString());
        config.put("kiln.runner.executor", "kubernetes");
        config.put("kiln.runner.kubernetes.namespace", "test");
        config.put("kiln.runner.engine.resync-interval", "30s");
        config.put("kiln.security.admin-token-file", dir.resolve("no-admin.token").toString());
        config.put("kiln.security.callers.builder.token", Api.BUILDER);
        config.put("kiln.security.callers.builder.roles", "builder");
        return config;
    }

    private void run(MockCluster cluster, long runnerPid) throws Exception {
        long rssIdle = ProcessMemoryReport.rssKb(runnerPid);
        cluster.ask("start " + cacheDir, "STARTED");
        Instant start = Instant.now();
        List<String> builds = new ArrayList<>();
        for (int i = 0; i < BUILDS; i++) {
            builds.add(create(Map.of("pipeline", "scale", "kind", "nightly", "branch", "main", "arches", ARCHES,
                    "vendors", VENDORS)));
        }
        int firsts = BUILDS * JOBS_PER_BUILD;
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Integer.parseInt(cluster.ask("held", "HELD ")) == firsts);
        Duration allRunning = Duration.between(start, Instant.now());
        long rssAtPeak = ProcessMemoryReport.rssKb(runnerPid);
        Path memory = dir.resolve("runner-memory.txt");
        String memorySummary = ProcessMemoryReport.write(runnerPid, memory);

        Instant releaseStart = Instant.now();
        cluster.ask("release " + COMPLETIONS_PER_SECOND, "RELEASED ");
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2))
                .until(() -> builds.stream().allMatch(id -> "succeeded".equals(state(id))));
        Duration drained = Duration.between(releaseStart, Instant.now());

        LogCounts logs = storedLogs(builds, 2L * firsts);
        long rssEnd = ProcessMemoryReport.rssKb(runnerPid);
        long rssHighWater = ProcessMemoryReport.highWaterKb(runnerPid);
        Path memoryAtEnd = dir.resolve("runner-memory-end.txt");
        String memoryAtEndSummary = ProcessMemoryReport.write(runnerPid, memoryAtEnd);

        Path report = Files.createTempFile("p3-", ".txt");
        cluster.ask("report " + report, "REPORTED ");
        List<String> lines = Files.readAllLines(report);
        // negative: the runner saw the Job complete and created its successor before the kubelet noted the instant
        List<Long> latencies = lines.stream().filter(l -> l.matches("-?[0-9]+")).map(l -> Math.max(0, Long.parseLong(l)))
                .sorted().toList();
        long missing = lines.stream().filter(l -> l.startsWith("missing")).count();
        long twice = lines.stream().filter(l -> l.startsWith("twice")).count();
        long releaseMillis = releaseStart.toEpochMilli();
        long lastSecondCreated = count(lines, "last-second-created ") - releaseMillis;
        long lastSecondCompleted = count(lines, "last-second-completed ") - releaseMillis;
        long lastFirstCompleted = count(lines, "last-first-completed ") - releaseMillis;
        long lastBuildFinished = builds.stream().map(id -> Instant.parse(finishedAt(id))).max(Instant::compareTo)
                .orElseThrow().toEpochMilli() - releaseMillis;
        long jobs = count(lines, "jobs ");
        long completed = count(lines, "completed ");
        Map<String, Long> events = recordedEvents(builds);
        Map<String, Long> runStates = runStates(builds);
        System.out.printf("%nP3 Kubernetes executor: the packaged runner (%s), mock API server and test kubelet in"
                + " another JVM (load average %s):%n", String.join(" ", RunnerDeployment.JVM_FLAGS),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.printf("  %d builds x %d = %d first-step Jobs running at once, then %d second-step Jobs%n", BUILDS,
                JOBS_PER_BUILD, firsts, firsts);
        System.out.printf("  builds posted -> all first Jobs created and running: %.1f s%n", allRunning.toMillis() / 1000.0);
        System.out.printf("  runner RSS: %d MB when ready; %d MB with %d Jobs running; %d MB at the end; high-water mark"
                + " %d MB; mock cluster JVM: %d MB%n", rssIdle / 1024, rssAtPeak / 1024, firsts, rssEnd / 1024,
                rssHighWater / 1024, ProcessMemoryReport.rssKb(cluster.pid()) / 1024);
        System.out.printf("  where the runner's memory is with %d Jobs running (after a full GC; full report in %s):%n%s%n",
                firsts, memory, memorySummary);
        System.out.printf("  and at the end, every build finished and every log stored (full report in %s):%n%s%n",
                memoryAtEnd, memoryAtEndSummary);
        System.out.printf("  first Jobs completed at %d/s; last build succeeded %.1f s after the first completion%n",
                COMPLETIONS_PER_SECOND, drained.toMillis() / 1000.0);
        System.out.printf("  timeline from the release (s): last first Job completed %.1f, last second Job created %.1f,"
                + " last second Job completed by the kubelet %.1f, last build finished (runner) %.1f%n",
                lastFirstCompleted / 1000.0, lastSecondCreated / 1000.0, lastSecondCompleted / 1000.0,
                lastBuildFinished / 1000.0);
        System.out.printf("  Job complete -> successor Job created: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms"
                + " (n=%d, no successor: %d)%n", pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
                latencies.getLast(), latencies.size(), missing);
        System.out.printf("  step runs: %d; Jobs created: %d (more than once: %d); Jobs completed by the kubelet: %d%n",
                2L * firsts, jobs, twice, completed);
        System.out.printf("  step logs stored: %d of %d step runs (%d of them a note saying why there is no log)%n",
                logs.stored(), 2L * firsts, logs.notes());
        System.out.printf("  step run states at the end: %s%n", runStates);
        System.out.printf("  transitions recorded in the outbox: %s%n%n", events);

        assertThat(jobs).as("one Job per step run").isEqualTo(2L * firsts);
        assertThat(twice).as("Jobs created twice").isZero();
        assertThat(missing).as("first Jobs without a successor").isZero();
        assertThat(logs.stored()).as("a log (or a note) stored for every step run").isEqualTo(2L * firsts);
        assertThat(runStates).as("every step run terminal").containsOnly(Map.entry("succeeded", 2L * firsts));
        assertThat(events).containsEntry("requested.v1", (long) BUILDS).containsEntry("started.v1", (long) BUILDS)
                .containsEntry("succeeded.v1", (long) BUILDS).containsEntry("step.started.v1", 2L * firsts)
                .containsEntry("step.succeeded.v1", 2L * firsts).hasSize(5);
    }

    /** Waits (bounded) for the log shipper to store every step run's log, then counts logs and notes. */
    private LogCounts storedLogs(List<String> builds, long expected) {
        FakeCache cache = new FakeCache(cacheDir);
        List<String> versions = builds.stream().map(id -> given().get("/api/v1/builds/" + id).then().extract()
                .<String>path("version")).toList();
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> versions.stream()
                    .mapToLong(v -> cache.list("build-logs/" + v).size()).sum() >= expected);
        } catch (ConditionTimeoutException e) {
            System.out.println("  not every step log was stored within 5 minutes of the last build finishing");
        }
        List<String> paths = versions.stream().flatMap(v -> cache.list("build-logs/" + v).stream()).toList();
        long notes = paths.stream().filter(p -> cache.read(p).startsWith("kiln: no log was captured")).count();
        return new LogCounts(paths.size(), notes);
    }

    private record LogCounts(long stored, long notes) {
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).mapToLong(l -> Long.parseLong(l.substring(prefix.length())))
                .sum();
    }

    private static Map<String, Long> runStates(List<String> builds) {
        Map<String, Long> states = new TreeMap<>();
        for (String id : builds) {
            List<String> steps = given().get("/api/v1/builds/" + id).then().extract().path("steps.state");
            steps.forEach(state -> states.merge(state, 1L, Long::sum));
        }
        return states;
    }

    private static String finishedAt(String id) {
        return given().get("/api/v1/builds/" + id).then().extract().path("finishedAt");
    }

    private static String state(String id) {
        return given().get("/api/v1/builds/" + id).then().extract().path("state");
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static Map<String, Long> recordedEvents(List<String> builds) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE),
                "postgres", "");
                PreparedStatement q = c.prepareStatement("select event_type, count(*) from build_runner.kiln_outbox"
                        + " where event_key = any (?) group by event_type")) {
            q.setArray(1, c.createArrayOf("varchar", builds.toArray()));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1).replace("dev.kiln.build.", ""), rows.getLong(2));
                }
            }
        }
        return counts;
    }
}
