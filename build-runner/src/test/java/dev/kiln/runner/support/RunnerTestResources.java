package dev.kiln.runner.support;

import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Declares the test resources every build-runner {@code @QuarkusTest} shares, so Quarkus starts once per profile. */
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(RunnerTestResource.class)
public final class RunnerTestResources {

    private RunnerTestResources() {
    }
}
