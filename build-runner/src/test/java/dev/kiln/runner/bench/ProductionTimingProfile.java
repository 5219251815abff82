package dev.kiln.runner.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The local executor with the engine's production timings (the tests shorten the resync to 2s). */
public class ProductionTimingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kiln.runner.engine.resync-interval", "30s");
    }
}
