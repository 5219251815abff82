package dev.kiln.runner.bench;

import dev.kiln.testing.LoadAverage;
import static dev.kiln.runner.support.Api.awaitState;
import static dev.kiln.runner.support.Api.create;
import static dev.kiln.runner.support.Api.nightly;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * P1: twenty one-second no-op steps in a chain through the local executor (each a process with its own
 * scripts checkout, state in PostgreSQL, events through the outbox) against the same twenty commands in a
 * bare shell script. One run of each is the measurement (goal: a ratio of at most 1.05); as the machine is
 * shared, the pair is repeated {@value #ROUNDS} times and every round is printed.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(ProductionTimingProfile.class)
class LocalOverheadBenchmark {

    private static final int STEPS = 20;
    private static final int ROUNDS = 3;

    @Test
    void twentyOneSecondStepsThroughTheLocalExecutorVersusABareShellScript() throws Exception {
        warmUp();
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf("%nround %d of %d", round, ROUNDS);
            measure();
        }
    }

    private static void measure() throws Exception {
        double bare = bareScriptSeconds();
        String id = create(nightly("chain20", List.of("amd64"), List.of()));
        JsonPath build = awaitState(id, "succeeded", Duration.ofMinutes(5));

        double started = seconds(build.getString("startedAt"), build.getString("finishedAt"));
        double requested = seconds(build.getString("createdAt"), build.getString("finishedAt"));
        List<Map<String, Object>> steps = build.getList("steps");
        double firstLaunch = seconds(build.getString("startedAt"), (String) steps.getFirst().get("launchedAt"));
        System.out.printf("%nP1 local executor, %d chained steps of 'sleep 1' (load average %s):%n", STEPS, LoadAverage.now());
        System.out.printf("  bare shell script (%d x bash -e -c 'sleep 1'): %.3f s%n", STEPS, bare);
        System.out.printf("  kiln, build started -> finished:              %.3f s (ratio %.3f, %.1f ms per step)%n",
                started, started / bare, (started - bare) * 1000 / STEPS);
        System.out.printf("  kiln, POST accepted -> finished (incl. version): %.3f s (ratio %.3f)%n", requested,
                requested / bare);
        System.out.printf("  version known -> first step launched:        %.1f ms%n", firstLaunch * 1000);
        printGaps(steps);
    }

    /** Where the time between two steps goes, averaged over the chain (timestamps recorded by the runner). */
    private static void printGaps(List<Map<String, Object>> steps) {
        double decide = 0;
        double start = 0;
        double run = 0;
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> step = steps.get(i);
            if (i > 0) {
                decide += seconds((String) steps.get(i - 1).get("finishedAt"), (String) step.get("launchedAt"));
            }
            start += seconds((String) step.get("launchedAt"), (String) step.get("startedAt"));
            run += seconds((String) step.get("startedAt"), (String) step.get("finishedAt"));
        }
        System.out.printf("  per step: exit seen -> successor launched %.1f ms; launched -> running seen %.1f ms;"
                + " running seen -> exit seen %.1f ms%n%n", decide * 1000 / (steps.size() - 1),
                start * 1000 / steps.size(), run * 1000 / steps.size());
    }

    private static void warmUp() {
        awaitState(create(nightly("quick", List.of("amd64"), List.of())), "succeeded", Duration.ofMinutes(2));
    }

    private static double bareScriptSeconds() throws Exception {
        long start = System.nanoTime();
        Process script = new ProcessBuilder("bash", "-c",
                "for i in $(seq " + STEPS + "); do /bin/bash -e -c 'sleep 1'; done").inheritIO().start();
        if (script.waitFor() != 0) {
            throw new IllegalStateException("bare script failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double seconds(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to)).toNanos() / 1e9;
    }
}
