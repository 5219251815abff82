package dev.kiln.runner.support;

import dev.kiln.localstack.infra.FreePorts;
import dev.kiln.localstack.infra.GitRemote;
import dev.kiln.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What every build-runner test app gets besides PostgreSQL and Kafka: a fixed free HTTP port, so that the
 * REST clients can reach the fake version-service and artifact-service served by the test app itself; a
 * scripts repository seeded with the local stack's demo scripts plus the test scripts; a work directory,
 * a fake cache directory and the test pipelines.
 */
public class RunnerTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE_TOKEN = "test-service-token";

    @Override
    public Map<String, String> start() {
        int port = FreePorts.next();
        String base = "http://127.0.0.1:" + port;
        Path scripts = TestInfrastructure.newDirectory("scripts").resolve("scripts.git");
        GitRemote.seeded(scripts, "main", scriptsRepositoryFiles(), "Seed the test scripts repository");
        Path work = Path.of("target", "runner-test", UUID.randomUUID().toString()).toAbsolutePath();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.test-port", Integer.toString(port));
        config.put("quarkus.rest-client.version-service.url", base + "/fake-version");
        config.put("quarkus.rest-client.artifact-service.url", base + "/fake-artifacts");
        config.put("kiln.runner.cache-url", base + "/fake-artifacts/cache");
        config.put("kiln.service-token", SERVICE_TOKEN);
        config.put("kiln.runner.scripts-repo-url", scripts.toUri().toString());
        config.put("kiln.runner.work-dir", work.resolve("work").toString());
        config.put("kiln.runner.pipelines-dir", Path.of("src/test/resources/pipelines").toAbsolutePath().toString());
        config.put("kiln.runner.engine.resync-interval", "2s");
        config.put("kiln.runner.engine.version-retry-delay", "200ms");
        config.put("kiln.runner.local.kill-grace", "1s");
        config.put("kiln.test.scripts-repo-dir", scripts.toString());
        config.put("kiln.test.fake-cache-dir", work.resolve("cache").toString());
        return config;
    }

    /** The demo scripts of local-stack/scripts-repo, then the test scripts on top. */
    public static Map<String, String> scriptsRepositoryFiles() {
        Map<String, String> files = new HashMap<>();
        addTree(Path.of("../local-stack/scripts-repo"), files);
        addTree(Path.of("src/test/resources/test-scripts"), files);
        return files;
    }

    private static void addTree(Path root, Map<String, String> files) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // directories live under target/ and the test infra root; they go with mvn clean
    }
}
