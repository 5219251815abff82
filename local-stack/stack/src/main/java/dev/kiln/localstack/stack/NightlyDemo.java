package dev.kiln.localstack.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a nightly build of the {@code full} pipeline through a running local stack: asks build-runner for
 * it, prints every step's state as it changes, then each step's log tail and what landed in the cache.
 */
public final class NightlyDemo {

    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");

    private final StackClient stack;
    private final PrintStream out;

    public NightlyDemo(StackClient stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    /** Runs the build to its end (or {@code timeout}) and returns the build as build-runner last showed it. */
    public JsonNode run(List<String> arches, List<String> vendors, Duration timeout) {
        String runner = stack.url(Component.BUILD_RUNNER);
        JsonNode build = stack.post(runner + "/api/v1/builds", Map.of("pipeline", "full", "kind", "nightly",
                "branch", "main", "arches", arches, "vendors", vendors));
        String id = build.get("id").asText();
        Instant start = Instant.now();
        out.printf("build %s requested: pipeline full, arches %s, vendors %s%n", id, arches, vendors);
        Map<String, String> seen = new HashMap<>();
        String version = null;
        while (!FINAL.contains(build.path("state").asText()) && Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
            sleep(300);
            build = stack.get(runner + "/api/v1/builds/" + id);
            if (version == null && !build.path("tag").isNull() && !build.path("tag").isMissingNode()) {
                version = build.path("version").asText();
                out.printf("%6.1fs  version %s (tag %s)%n", seconds(start), version, build.path("tag").asText());
            }
            for (JsonNode step : build.path("steps")) {
                String state = step.path("state").asText() + (step.path("attempt").asInt() > 1
                        ? " (attempt " + step.path("attempt").asInt() + ")" : "");
                if (!state.equals(seen.put(step.path("run").asText(), state))) {
                    out.printf("%6.1fs  %-28s %s%s%n", seconds(start), step.path("run").asText(), state,
                            step.path("reason").isTextual() ? ": " + step.path("reason").asText() : "");
                }
            }
        }
        out.printf("%6.1fs  build %s %s%s%n", seconds(start), id, build.path("state").asText(),
                build.path("reason").isTextual() ? ": " + build.path("reason").asText() : "");
        return build;
    }

    /** Prints the last lines of every step's log and the version's images directory in the cache. */
    public void report(JsonNode build) {
        String runner = stack.url(Component.BUILD_RUNNER);
        for (JsonNode step : build.path("steps")) {
            if (step.path("logUrl").isTextual()) {
                out.printf("%n--- log of %s (%s) ---%n", step.path("run").asText(), step.path("logPath").asText());
                String[] lines = stack.getText(runner + step.path("logUrl").asText()).split("\n");
                for (int i = Math.max(0, lines.length - 6); i < lines.length; i++) {
                    out.println("  " + lines[i]);
                }
            }
        }
        if (!build.path("version").isTextual()) {
            return;
        }
        String version = build.path("version").asText();
        String cache = stack.url(Component.ARTIFACT_SERVICE) + "/cache/";
        for (String arch : iterable(build.path("arches"))) {
            String dir = "images/" + arch + "/" + version + "/";
            out.printf("%n--- %s%s ---%n", cache, dir);
            for (JsonNode entry : stack.get(cache + encode(dir))) {
                out.printf("  %-60s %12s%n", entry.path("name").asText(), entry.path("size").asText(""));
            }
        }
    }

    private static List<String> iterable(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String encode(String path) {
        return path.replace("+", "%2B");
    }

    private static double seconds(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
