package dev.kiln.version.bench;

import static dev.kiln.version.support.Api.BUILDER;
import static dev.kiln.version.support.Api.RELEASER;
import static dev.kiln.version.support.Api.allocate;
import static dev.kiln.version.support.Api.body;

import dev.kiln.testing.KilnServicesResource;
import dev.kiln.testing.TestInfrastructure;
import dev.kiln.version.support.BenchmarkProfile;
import dev.kiln.version.support.ScriptsRemote;
import dev.kiln.version.support.ScriptsRepoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Allocations per second against a remote holding {@link BenchmarkProfile#TAGS} tags: Kiln through its REST
 * API (lock, fetch, reservation, commit, tag, atomic push, allocation row and event) side by side with the
 * git CLI doing the same fetch/commit/tag/push (bench/git-cli-allocate.sh) on an identical copy of the
 * remote. Prints its figures; asserts nothing about time.
 * <p>
 * {@code ./mvnw -q verify -Pbench -pl version-service [-Dkiln.bench.allocations=100]}
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class AllocationBenchmark {

    private static final int ALLOCATIONS = Integer.getInteger("kiln.bench.allocations", 100);
    private static final int WARM_UP = 10;
    private static final int ROUNDS = 5;

    @ConfigProperty(name = "kiln.version.scripts-repo-url")
    String remoteUrl;

    @ConfigProperty(name = "kiln.version.git.local-server")
    String localServer;

    @Test
    void allocationsPerSecondAgainstARemoteWithManyTagsNextToTheGitCli() throws Exception {
        Path remote = Path.of(URI.create(remoteUrl));
        int tagsAtStart = ScriptsRemote.at(remote).tags().size();
        Path cliClone = cliCloneOfACopyOf(remote);

        kiln(WARM_UP, i -> allocate(BUILDER, body("kind", "dev", "suffix", "warm-" + i)).statusCode(201));
        cli(cliClone, "dev", WARM_UP, "warm");

        // interleaved blocks, so that a busy moment of the machine does not fall on one side only
        List<Figures> kilnDevs = new ArrayList<>();
        List<Figures> cliDevs = new ArrayList<>();
        List<Figures> kilnPatches = new ArrayList<>();
        List<Figures> cliPatches = new ArrayList<>();
        int block = ALLOCATIONS / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            int offset = round * block;
            kilnDevs.add(kiln(block, i -> allocate(BUILDER, body("kind", "dev", "suffix", "kiln-" + (offset + i))).statusCode(201)));
            cliDevs.add(cli(cliClone, "dev", block, "run" + round));
            kilnPatches.add(kiln(block, i -> allocate(RELEASER, body("kind", "patch", "from", "stable-4593.2.5")).statusCode(201)));
            cliPatches.add(cli(cliClone, "patch", block, "run" + round));
        }
        Figures kilnDev = Figures.combine(kilnDevs);
        Figures cliDev = Figures.combine(cliDevs);
        Figures kilnPatch = Figures.combine(kilnPatches);
        Figures cliPatch = Figures.combine(cliPatches);

        System.out.printf(Locale.ROOT, "%nversion-service allocation benchmark: %d allocations per row in %d interleaved blocks, "
                + "remote with %d tags at start, file:// remote served by %s%n", ALLOCATIONS, ROUNDS, tagsAtStart, localServer);
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s %10s%n", "", "alloc/s", "p50 ms", "p95 ms", "max ms");
        print("Kiln dev build (tag only)", kilnDev);
        print("git CLI dev build (tag only)", cliDev);
        print("Kiln patch release (branch + tag)", kilnPatch);
        print("git CLI patch release (branch+tag)", cliPatch);
        System.out.printf(Locale.ROOT, "ratio Kiln / git CLI: dev %.2f, patch %.2f (above 1: Kiln is faster)%n",
                kilnDev.perSecond() / cliDev.perSecond(), kilnPatch.perSecond() / cliPatch.perSecond());
        System.out.println("where Kiln's time goes (mean per call, all runs):");
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").asString();
        for (String timer : List.of("kiln_version_allocations_seconds", "kiln_version_git_fetch_seconds", "kiln_version_git_push_seconds")) {
            System.out.printf(Locale.ROOT, "  %-34s %8.1f ms%n", timer, meanMillis(metrics, timer));
        }
        System.out.println();
    }

    /** Sum over count of a Prometheus summary, over all its label sets. */
    private static double meanMillis(String metrics, String name) {
        double sum = 0;
        double count = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "_sum")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith(name + "_count")) {
                count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return count == 0 ? Double.NaN : sum / count * 1000;
    }

    /** Throughput of a run, and the latencies of its allocations when they were timed one by one. */
    private record Figures(int count, long nanos, List<Double> millis) {

        static Figures combine(List<Figures> parts) {
            List<Double> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.millis()));
            return new Figures(parts.stream().mapToInt(Figures::count).sum(), parts.stream().mapToLong(Figures::nanos).sum(), all);
        }

        double perSecond() {
            return count / (nanos / 1e9);
        }

        double percentile(double p) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
        }
    }

    private static Figures kiln(int count, IntConsumer allocation) {
        List<Double> millis = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            allocation.accept(i);
            millis.add((System.nanoTime() - t) / 1e6);
        }
        return new Figures(count, System.nanoTime() - start, millis);
    }

    private static Figures cli(Path clone, String mode, int count, String run) throws IOException, InterruptedException {
        Path script = Path.of("src/test/resources/bench/git-cli-allocate.sh").toAbsolutePath();
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", script.toString(), clone.toString(), mode, Integer.toString(count), run)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the git CLI script failed: " + process.exitValue());
        }
        return new Figures(count, System.nanoTime() - start, List.of());
    }

    private static void print(String what, Figures f) {
        System.out.printf(Locale.ROOT, "%-34s %10.1f %10s %10s %10s%n", what, f.perSecond(), ms(f.percentile(0.5)), ms(f.percentile(0.95)),
                ms(f.percentile(1.0)));
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** A byte-for-byte copy of the remote for the CLI, and a clone of it (setup, not timed). */
    private static Path cliCloneOfACopyOf(Path remote) throws IOException, InterruptedException {
        Path copy = TestInfrastructure.newDirectory("cli-remote").resolve("scripts.git");
        try (Stream<Path> files = Files.walk(remote)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(remote.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path clone = TestInfrastructure.newDirectory("cli-clone").resolve("scripts");
        Process process = new ProcessBuilder("git", "clone", "--quiet", copy.toUri().toString(), clone.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git clone failed");
        }
        return clone;
    }
}
