package dev.kiln.localstack.stack;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A nightly of the {@code full} pipeline's OS steps for amd64 (no vendors) whose every step, once started, waits
 * for the test to open its gate: a fault can then hit a service while a known step is running, and the step does
 * its real work (the demo scripts' builds and uploads) only after the fault.
 */
final class GatedNightly {

    static final String PIPELINE = "fault-nightly";
    static final List<String> RUNS = List.of("sdk_bootstrap", "sdk_container", "packages-amd64", "push_pkgs-amd64",
            "image-amd64");
    private static final String GATE = """
            echo "fault suite: $${KILN_RUN} waits for its gate"
            until [ -e "%s/$${KILN_BUILD}/$${KILN_RUN}" ]; do sleep 0.2; done
            echo "fault suite: $${KILN_RUN} passed its gate"
            """;

    private final Path gates;
    private final StackClient stack;

    private GatedNightly(Path gates, StackClient stack) {
        this.gates = gates;
        this.stack = stack;
    }

    /** Writes the pipeline into the stack's pipelines directory (read at start, so call it before {@code up}). */
    static void install(Path dataDir) throws IOException {
        Path gates = Files.createDirectories(dataDir.resolve("gates"));
        String gate = GATE.formatted(gates).indent(6);
        Files.createDirectories(dataDir.resolve("pipelines"));
        Files.writeString(dataDir.resolve("pipelines/" + PIPELINE + ".yaml"), """
                name: %2$s
                description: The full pipeline's OS steps for one board; each step waits for the fault suite's gate.
                params:
                  seedSdkVersion: "4593.0.0"
                defaults:
                  image: registry.example.org/flatcar-host:1
                  timeout: 5m
                  retry: {attempts: 3, backoff: 1s}
                steps:
                  - name: sdk_bootstrap
                    run: |
                %1$s      source ci-automation/sdk_bootstrap.sh
                      sdk_bootstrap ${params.seedSdkVersion} ${tag}
                    outputs: ["sdk/amd64/${sdkVersion}/flatcar-sdk-amd64-${sdkVersion}.tar.bz2"]
                  - name: sdk_container
                    needs: [sdk_bootstrap]
                    run: |
                %1$s      source ci-automation/sdk_container.sh
                      sdk_container_build
                    outputs: ["containers/${sdkVersionDocker}/flatcar-sdk-amd64-${sdkVersionDocker}.tar.zst"]
                  - name: packages
                    needs: [sdk_container]
                    perArch: true
                    run: |
                %1$s      source ci-automation/packages.sh
                      packages_build ${arch}
                    outputs: ["containers/${versionDocker}/flatcar-packages-${arch}-${versionDocker}.tar.zst"]
                  - name: push_pkgs
                    needs: [packages]
                    perArch: true
                    run: |
                %1$s      source ci-automation/push_pkgs.sh
                      push_packages ${arch}
                    outputs: ["boards/${board}/${version}/pkgs/Packages"]
                  - name: image
                    needs: [packages]
                    perArch: true
                    run: |
                %1$s      source ci-automation/image.sh
                      image_build ${arch}
                    outputs: ["images/${arch}/${version}/flatcar_production_image.bin.bz2"]
                """.formatted(gate, PIPELINE));
    }

    static GatedNightly of(Path dataDir, StackClient stack) {
        return new GatedNightly(dataDir.resolve("gates"), stack);
    }

    /** Requests the nightly; its steps wait at their gates. */
    String request() {
        return stack.post(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds", Map.of("pipeline", PIPELINE,
                "kind", "nightly", "branch", "main", "arches", List.of("amd64"))).path("id").asText();
    }

    /** Waits until {@code run}'s process is running (at its gate). */
    void awaitRunning(String build, String run, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "running".equals(step(build, run).path("state").asText()));
    }

    void open(String build, String... runs) throws IOException {
        Path dir = Files.createDirectories(gates.resolve(build));
        for (String run : runs) {
            Files.writeString(dir.resolve(run), "open\n");
        }
    }

    void openAll(String build) throws IOException {
        open(build, RUNS.toArray(String[]::new));
    }

    JsonNode build(String build) {
        return stack.get(stack.url(Component.BUILD_RUNNER) + "/api/v1/builds/" + build);
    }

    /** Waits for the build's end (any final state) and returns it. */
    JsonNode awaitFinished(String build, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> List.of("succeeded", "failed", "cancelled").contains(build(build).path("state").asText()));
        return build(build);
    }

    private JsonNode step(String build, String run) {
        for (JsonNode step : build(build).path("steps")) {
            if (step.path("run").asText().equals(run)) {
                return step;
            }
        }
        throw new IllegalStateException("no run " + run + " in build " + build);
    }
}
