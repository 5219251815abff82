package dev.kiln.artifact.support;

import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The test resources every {@code @QuarkusTest} of this module shares (declared once, applied to all, so that
 * Quarkus starts the application once): PostgreSQL, Kafka and S3, and a fake version-service.
 */
@QuarkusTestResource(value = KilnServicesResource.class, initArgs = @ResourceArg(name = "s3", value = "true"))
@QuarkusTestResource(FakeVersionService.class)
public final class CacheTestResources {

    private CacheTestResources() {
    }
}
