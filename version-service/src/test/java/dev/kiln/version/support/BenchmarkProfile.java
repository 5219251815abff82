package dev.kiln.version.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The benchmark's own boot: {@link ScriptsRepoResource} seeds a remote with {@link #TAGS} tags for it.
 * {@code -Dkiln.bench.local-server=jgit|git|auto} picks who serves the file:// remote (default auto).
 */
public class BenchmarkProfile implements QuarkusTestProfile {

    public static final int TAGS = 5000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kiln.version.git.local-server", System.getProperty("kiln.bench.local-server", "auto"));
    }
}
