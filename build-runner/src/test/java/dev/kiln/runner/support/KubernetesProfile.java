package dev.kiln.runner.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The build-runner with the Kubernetes executor against the mock API server, with short limits. */
public class KubernetesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kiln.runner.executor", "kubernetes",
                "kiln.runner.kubernetes.namespace", "test",
                "kiln.runner.kubernetes.vanish-grace", "2s",
                "kiln.runner.engine.unschedulable-limit", "2s",
                "kiln.runner.engine.pending-limit", "8s");
    }
}
