package dev.kiln.common.testapp;

import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL and Kafka for every test of this module. */
@QuarkusTestResource(KilnServicesResource.class)
public class TestApp {
}
