package dev.kiln.runner.bench;

import static dev.kiln.runner.support.Api.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.runner.fakes.FakeCache;
import dev.kiln.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * P3: about 2,000 concurrent step Jobs against a Fabric8 mock API server driven by the test kubelet, both in
 * a JVM of their own ({@link MockClusterMain}) so that this JVM holds the runner alone. Every first-step Job
 * is held running until all exist; then the RSS of this JVM is read; then the Jobs complete at a steady rate
 * and, per Job, the time from the kubelet marking it complete to its successor Job appearing is measured.
 * Checks (and fails otherwise) that every step run got exactly one Job and ended succeeded, and that every
 * transition was recorded in the outbox; never asserts on timing.
 */
@QuarkusTest
@TestProfile(KubernetesScaleProfile.class)
class KubernetesScaleBenchmark {

    private static final List<String> ARCHES = List.of("amd64", "arm64");
    /** Eighteen vendors Flatcar builds for both arches, and two for amd64 only: 38 first-step Jobs a build. */
    private static final List<String> VENDORS = List.of("akamai", "ami", "ami_vmdk", "aws", "azure", "hetzner", "iso",
            "kubevirt", "openstack", "openstack_mini", "oraclecloud", "proxmoxve", "pxe", "qemu", "qemu_uefi",
            "qemu_update", "scaleway", "stackit", "gce", "vmware");
    private static final int BUILDS = 53;
    private static final int JOBS_PER_BUILD = 38;
    private static final int COMPLETIONS_PER_SECOND = 50;

    @ConfigProperty(name = "kiln.test.fake-cache-dir")
    String cacheDir;

    @Test
    void twoThousandConcurrentStepJobs() throws Exception {
        MockClusterResource.ask("start " + cacheDir, "STARTED");
        Instant start = Instant.now();
        List<String> builds = new ArrayList<>();
        for (int i = 0; i < BUILDS; i++) {
            builds.add(create(Map.of("pipeline", "scale", "kind", "nightly", "branch", "main", "arches", ARCHES,
                    "vendors", VENDORS)));
        }
        int firsts = BUILDS * JOBS_PER_BUILD;
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Integer.parseInt(MockClusterResource.ask("held", "HELD ")) == firsts);
        Duration allRunning = Duration.between(start, Instant.now());
        long rssAtPeak = rssKb(ProcessHandle.current().pid());
        System.gc();
        long heapAtPeak = usedHeapMb();
        Path memory = Path.of("target", "p3-runner-memory.txt");
        String memorySummary = JvmMemoryReport.write(memory);

        Instant releaseStart = Instant.now();
        MockClusterResource.ask("release " + COMPLETIONS_PER_SECOND, "RELEASED ");
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2))
                .until(() -> builds.stream().allMatch(id -> "succeeded".equals(state(id))));
        Duration drained = Duration.between(releaseStart, Instant.now());
        long rssEnd = rssKb(ProcessHandle.current().pid());

        LogCounts logs = storedLogs(builds, 2L * firsts);

        Path report = Files.createTempFile("p3-", ".txt");
        MockClusterResource.ask("report " + report, "REPORTED ");
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
        System.out.printf("%nP3 Kubernetes executor, mock API server and test kubelet in another JVM (load average %s):%n",
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.printf("  %d builds x %d = %d first-step Jobs running at once, then %d second-step Jobs%n", BUILDS,
                JOBS_PER_BUILD, firsts, firsts);
        System.out.printf("  builds posted -> all first Jobs created and running: %.1f s%n", allRunning.toMillis() / 1000.0);
        System.out.printf("  runner JVM (max heap %d MB) RSS with %d Jobs running: %d MB (heap used after GC: %d MB);"
                + " after all: %d MB; mock cluster JVM: %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                firsts, rssAtPeak / 1024, heapAtPeak, rssEnd / 1024,
                rssKb(MockClusterResource.pid()) / 1024);
        System.out.printf("  where the runner JVM's memory is at that point (full report in %s):%n%s%n", memory.toAbsolutePath(),
                memorySummary);
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
        FakeCache cache = new FakeCache(Path.of(cacheDir));
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

    private static long rssKb(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst()
                .orElse(-1L);
    }

    private static long usedHeapMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
