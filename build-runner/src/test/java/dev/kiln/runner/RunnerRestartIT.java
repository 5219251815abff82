package dev.kiln.runner;

import static dev.kiln.runner.support.Api.awaitState;
import static dev.kiln.runner.support.Api.create;
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
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes executor across a real crash: the packaged runner is killed with SIGKILL while its first
 * Jobs run, they finish while no runner is up, and a new runner process (another replica name, the same
 * database) takes the build over once the dead one's lease ran out and finishes it; the mock API server
 * and test kubelet, in a JVM of their own, count every Job creation.
 */
class RunnerRestartIT {

    private static final String SERVICE_TOKEN = "restart-service-token";
    private static final String CACHE_TOKEN = "restart-cache-token";
    private final String database = "kiln_restart_it_" + System.currentTimeMillis(); // one per attempt (an instance per attempt), for the rerun

    private final Path dir = Path.of("target", "restart-it", Long.toString(System.currentTimeMillis())).toAbsolutePath();

    @Test
    void aRunnerKilledMidBuildIsReplacedByOneThatFinishesItWithoutCreatingAnyJobTwice() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Map<String, String> infrastructure = new KilnServicesResource().start();
        TestInfrastructure.postgres().ensureDatabase(database);
        infrastructure.put("quarkus.datasource.jdbc.url", TestInfrastructure.postgres().jdbcUrl(database));
        try (MockCluster cluster = new MockCluster();
                FakeServicesServer fakes = new FakeServicesServer(new FakeCache(cache), Set.of(SERVICE_TOKEN, CACHE_TOKEN))) {
            cluster.ask("start " + cache, "STARTED");
            String id;

            PackagedService first = start("runner-a", infrastructure, cluster, fakes);
            try {
                id = create(Map.of("pipeline", "scale", "kind", "nightly", "branch", "main",
                        "arches", List.of("amd64", "arm64"), "vendors", List.of("qemu", "aws")));
                await().atMost(Duration.ofMinutes(2)).until(() -> cluster.ask("held", "HELD ").equals("4"));
            } finally {
                first.kill();
            }
            cluster.ask("release 100", "RELEASED ");
            JsonPath build;
            try (PackagedService second = start("runner-b", infrastructure, cluster, fakes)) {
                build = awaitState(id, "succeeded", Duration.ofMinutes(3));
            }

            assertThat(build.getList("steps.run", String.class)).hasSize(8);
            assertThat(build.getList("steps.attempt", Integer.class)).containsOnly(1);
            assertThat(cluster.ask("jobs " + id, "JOBS ")).as("Jobs of the build, and their creations").isEqualTo("8 8");
        }
    }

    private PackagedService start(String name, Map<String, String> infrastructure, MockCluster cluster,
            FakeServicesServer fakes) throws Exception {
        Map<String, String> config = new HashMap<>(infrastructure);
        config.putAll(cluster.clientConfig());
        config.put("quarkus.rest-client.version-service.url", fakes.baseUrl() + "/fake-version");
        config.put("quarkus.rest-client.artifact-service.url", fakes.baseUrl() + "/fake-artifacts");
        config.put("kiln.runner.cache-url", fakes.baseUrl() + "/fake-artifacts/cache");
        config.put("kiln.service-token", SERVICE_TOKEN);
        config.put("kiln.runner.scripts-repo-url", "https://github.com/flatcar/scripts.git");
        config.put("kiln.runner.work-dir", dir.resolve(name).toString());
        config.put("kiln.runner.pipelines-dir", Path.of("src/test/resources/pipelines").toAbsolutePath().toString());
        config.put("kiln.runner.executor", "kubernetes");
        config.put("kiln.runner.kubernetes.namespace", "test");
        config.put("kiln.runner.instance-id", name);
        config.put("kiln.runner.engine.lease-duration", "5s");
        config.put("kiln.runner.engine.resync-interval", "2s");
        config.put("kiln.security.admin-token-file", dir.resolve("no-admin.token").toString());
        config.put("kiln.security.callers.builder.token", Api.BUILDER);
        config.put("kiln.security.callers.builder.roles", "builder");
        int port = FreePorts.next();
        PackagedService runner = RunnerDeployment.launch().systemProperties(config).log(dir.resolve(name + ".log"))
                .start(port).awaitReady(Duration.ofMinutes(3));
        RestAssured.port = port;
        return runner;
    }
}
