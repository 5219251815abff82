package dev.kiln.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.kiln.events.KilnEvent;
import dev.kiln.events.kafka.IncomingEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every Kiln service must show on boot, against real infrastructure: ready with its database and
 * Kafka, OpenAPI and metrics served, its own schema migrated, and an event committed through its outbox
 * delivered to Kafka as a CloudEvent from this service. Subclasses are {@code @QuarkusTest}s.
 */
public abstract class ServiceBootContract {

    private final String schema;
    private final String source;

    protected ServiceBootContract(String schema, String source) {
        this.schema = schema;
        this.source = source;
    }

    /** An event of a type this service owns. */
    protected abstract KilnEvent sampleEvent();

    /** Appends {@code event} to the service's outbox in a transaction of its own, and commits. */
    protected abstract void commitThroughOutbox(KilnEvent event);

    @Test
    void readinessIsUpWithDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "outbox"));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3."));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("kiln_outbox_published"));
    }

    @Test
    void ownSchemaHoldsTheMigratedOutboxAndInbox() throws Exception {
        try (Connection c = DriverManager.getConnection(
                TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE), "postgres", "");
                ResultSet tables = c.getMetaData().getTables(null, schema, "kiln_%", new String[] {"TABLE"})) {
            List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertThat(names).contains("kiln_outbox", "kiln_inbox", "kiln_idempotency");
        }
    }

    @Test
    void committedEventIsDeliveredToKafkaAsACloudEventFromThisService() {
        KilnEvent event = sampleEvent();

        try (EventReader reader = new EventReader(event.eventType().topic())) {
            commitThroughOutbox(event);

            List<IncomingEvent> seen = reader.await(e -> e.is(event.eventType()) && event.key().equals(e.key())
                    && e.data().equals(dev.kiln.events.EventJson.write(event)), 1, Duration.ofSeconds(30));
            assertThat(seen).hasSize(1);
            assertThat(seen.getFirst().source()).isEqualTo(source);
        }
    }
}
