package dev.kiln.runner;

import static dev.kiln.runner.support.Api.awaitRun;
import static dev.kiln.runner.support.Api.awaitState;
import static dev.kiln.runner.support.Api.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.localstack.infra.FreePorts;
import dev.kiln.localstack.infra.GitRemote;
import dev.kiln.runner.process.FakeServicesServer;
import dev.kiln.runner.process.RunnerDeployment;
import dev.kiln.runner.support.Api;
import dev.kiln.runner.support.FakeCache;
import dev.kiln.runner.support.RunnerTestResource;
import dev.kiln.testing.KilnServicesResource;
import dev.kiln.testing.PackagedService;
import dev.kiln.testing.TestInfrastructure;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The local executor across a {@code kill -9} and a restart on the same work directory, as on the local stack
 * (issue 13 item 3): the restarted runner knows its own leases (its name is kept in the work directory), so it
 * resumes the build at once rather than after the 2-minute lease; and the log of a step that finished while the
 * cache refused logs, shipped by nobody before the kill, reaches the cache from the file left on disk.
 */
class RunnerRestartOnItsOwnDataIT {

    private static final String SERVICE_TOKEN = "own-data-service-token";
    private static final String CACHE_TOKEN = "own-data-cache-token";
    private final String database = "kiln_own_data_it_" + System.currentTimeMillis(); // one per attempt (an instance per attempt), for the rerun
    /** Generous for a 2-core machine shared with other builds; the lease it must beat is 2 minutes. */
    private static final Duration RESUME_BOUND = Duration.ofSeconds(30);

    private final Path dir = Path.of("target", "own-data-it", Long.toString(System.currentTimeMillis())).toAbsolutePath();

    @Test
    void aRunnerRestartedOnItsOwnDataResumesAtOnceAndShipsTheLogItDiedHolding() throws Exception {
        FakeCache cache = new FakeCache(Files.createDirectories(dir.resolve("cache")));
        Path scripts = dir.resolve("scripts.git");
        GitRemote.seeded(scripts, "main", RunnerTestResource.scriptsRepositoryFiles(), "Seed the test scripts repository");
        Map<String, String> infrastructure = new KilnServicesResource().start();
        TestInfrastructure.postgres().ensureDatabase(database);
        infrastructure.put("quarkus.datasource.jdbc.url", TestInfrastructure.postgres().jdbcUrl(database));
        try (FakeServicesServer fakes = new FakeServicesServer(cache, Set.of(SERVICE_TOKEN, CACHE_TOKEN), tag -> tag(scripts, tag))) {
            fakes.refuseUploadsUnder("build-logs/");
            String id;
            PackagedService first = start(infrastructure, fakes, scripts);
            try {
                id = create(Map.of("pipeline", "restart", "kind", "nightly", "branch", "main", "arches", List.of("amd64")));
                awaitRun(id, "first", "succeeded", Duration.ofMinutes(2));
            } finally {
                first.kill();
            }
            fakes.refuseUploadsUnder(null);
            cache.put("kiln-test/gates/" + id, "open");

            PackagedService second = start(infrastructure, fakes, scripts);
            Instant ready = Instant.now();
            JsonPath build;
            try (second) {
                build = awaitState(id, "succeeded", Duration.ofMinutes(3));
            }
            Duration resumed = Duration.between(ready, Instant.now());

            assertThat(resumed).as("from the restarted runner's readiness to the build's end").isLessThan(RESUME_BOUND);
            String firstLog = build.getString("steps.find { it.run == 'first' }.logPath");
            await().atMost(Duration.ofSeconds(30)).until(() -> cache.has(firstLog));
            assertThat(cache.read(firstLog)).contains("quick step first");
            System.out.printf("restart on own data: build %s ended %d ms after the restarted runner was ready%n", id,
                    resumed.toMillis());
        }
    }

    private PackagedService start(Map<String, String> infrastructure, FakeServicesServer fakes, Path scripts) throws Exception {
        Map<String, String> config = new HashMap<>(infrastructure);
        config.put("quarkus.rest-client.version-service.url", fakes.baseUrl() + "/fake-version");
        config.put("quarkus.rest-client.artifact-service.url", fakes.baseUrl() + "/fake-artifacts");
        config.put("kiln.runner.cache-url", fakes.baseUrl() + "/fake-artifacts/cache");
        config.put("kiln.service-token", SERVICE_TOKEN);
        config.put("kiln.runner.scripts-repo-url", scripts.toUri().toString());
        config.put("kiln.runner.work-dir", dir.resolve("work").toString());
        config.put("kiln.runner.pipelines-dir", Path.of("src/test/resources/restart-pipelines").toAbsolutePath().toString());
        config.put("kiln.runner.executor", "local");
        // no instance id and the default 2-minute lease: the runner's name comes from its work directory
        config.put("kiln.runner.engine.resync-interval", "2s");
        config.put("kiln.runner.local.kill-grace", "1s");
        config.put("kiln.security.admin-token-file", dir.resolve("no-admin.token").toString());
        config.put("kiln.security.callers.builder.token", Api.BUILDER);
        config.put("kiln.security.callers.builder.roles", "builder");
        int port = FreePorts.next();
        PackagedService runner = RunnerDeployment.launch().systemProperties(config)
                .log(dir.resolve("runner-" + port + ".log")).start(port).awaitReady(Duration.ofMinutes(3));
        RestAssured.port = port;
        return runner;
    }

    private static void tag(Path repository, String tag) {
        try {
            Process git = new ProcessBuilder("git", "--git-dir", repository.toString(), "tag", tag, "main")
                    .redirectErrorStream(true).start();
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException("git tag " + tag + " failed: " + new String(git.getInputStream().readAllBytes()));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
