package dev.kiln.release.testing;

import dev.kiln.localstack.infra.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Serves the test app on a fixed free port, so that its REST clients reach the fake version-service and build-runner
 * the test app serves itself ({@link FakeVersionService}, {@link FakeBuildRunner}).
 */
public class PromotionFakesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = FreePorts.next();
        String base = "http://127.0.0.1:" + port;
        return Map.of("quarkus.http.test-port", Integer.toString(port),
                "quarkus.rest-client.version-service.url", base + "/fake-version",
                "quarkus.rest-client.build-runner.url", base + "/fake-build-runner");
    }

    @Override
    public void stop() {
        // nothing to stop: the fakes live in the test app
    }
}
