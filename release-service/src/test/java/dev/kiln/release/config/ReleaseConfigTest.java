package dev.kiln.release.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KILN_RELEASE_POLICY and KILN_CACHE_URL reach the mapping as application.properties wires them. */
class ReleaseConfigTest {

    private static ReleaseConfig config(Map<String, String> environment) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "kiln.release.policy", "${KILN_RELEASE_POLICY:}",
                "kiln.release.cache-url", "${KILN_CACHE_URL:http://127.0.0.1:8083/cache}"));
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                // Quarkus reads durations like 5m; plain SmallRye only ISO-8601
                .withConverter(Duration.class, 200, new DurationConverter()).withMapping(ReleaseConfig.class)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300)).build();
        return config.getConfigMapping(ReleaseConfig.class);
    }

    @Test
    void withoutTheVariablesThePolicyIsTheBundledOneAndTheCacheLocal() {
        ReleaseConfig config = config(Map.of());

        assertThat(config.policy()).isEmpty();
        assertThat(config.cacheUrl()).isEqualTo("http://127.0.0.1:8083/cache");
        assertThat(config.gateSweepEvery()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theVariablesNameThePolicyFileAndTheCache() {
        ReleaseConfig config = config(Map.of("KILN_RELEASE_POLICY", "/etc/kiln/release-policy.yaml",
                "KILN_CACHE_URL", "http://artifact-service:8080/cache"));

        assertThat(config.policy()).contains(Path.of("/etc/kiln/release-policy.yaml"));
        assertThat(config.cacheUrl()).isEqualTo("http://artifact-service:8080/cache");
    }
}
