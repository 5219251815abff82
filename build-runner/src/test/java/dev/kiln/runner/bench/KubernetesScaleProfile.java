package dev.kiln.runner.bench;

import java.util.Map;

/** The Kubernetes executor against a mock API server in another JVM, with the engine's production timings. */
public class KubernetesScaleProfile implements io.quarkus.test.junit.QuarkusTestProfile {

    @Override
    public java.util.List<TestResourceEntry> testResources() {
        return java.util.List.of(new TestResourceEntry(MockClusterResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kiln.runner.executor", "kubernetes",
                "kiln.runner.kubernetes.namespace", "test",
                "kiln.runner.engine.resync-interval", "30s");
    }
}
