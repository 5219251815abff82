package dev.kiln.runner.execution.k8s;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;

/**
 * The per-build Secret {@code kiln-step-token-<build>} that a build's step Jobs read {@code KILN_CACHE_TOKEN}
 * from: the build's step token, which writes only the build's own cache directories while the build runs.
 */
public final class StepTokenSecret {

    /** The key of the token in the Secret. */
    public static final String KEY = "token";
    private static final String PREFIX = "kiln-step-token-";

    private StepTokenSecret() {
    }

    /** {@code kiln-step-token-k3xq9d2m7a}: build ids are 10 lower-case letters and digits, so the name is valid. */
    public static String nameOf(String buildId) {
        return PREFIX + buildId;
    }

    public static Secret build(String namespace, String buildId, String token) {
        return new SecretBuilder()
                .withNewMetadata()
                    .withName(nameOf(buildId)).withNamespace(namespace)
                    .withLabels(Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_KILN, Labels.BUILD, buildId))
                .endMetadata()
                .withType("Opaque")
                .withStringData(Map.of(KEY, token))
                .build();
    }
}
