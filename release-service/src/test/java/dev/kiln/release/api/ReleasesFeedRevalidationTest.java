package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Releasing.publish;
import static dev.kiln.release.testing.Releasing.ready;
import static dev.kiln.release.testing.Releasing.withdraw;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.kiln.release.service.Candidates;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pollers of releases.json revalidate with {@code If-None-Match}: 304 while nothing was published or withdrawn, the
 * new feed with a new entity tag as soon as something was. The service keeps the rendered feed between requests,
 * so these also prove that the kept feed is never served stale.
 */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class ReleasesFeedRevalidationTest {

    @Inject
    Candidates candidates;

    @Test
    void anUnchangedFeedAnswersNotModifiedAndAPublicationOrWithdrawalChangesItsTag() {
        String before = given().get("/api/v1/releases.json").then().statusCode(200)
                .header("Cache-Control", "no-cache").extract().header("ETag");
        assertThat(before).isNotBlank();
        given().header("If-None-Match", before).get("/api/v1/releases.json").then()
                .statusCode(304).header("ETag", before).body(emptyString());

        publish("alpha", ready(candidates, "4795.0.150", List.of("mips"))).statusCode(200);

        String published = given().header("If-None-Match", before).get("/api/v1/releases.json").then()
                .statusCode(200).body("$", hasKey("4795.0.150")).extract().header("ETag");
        assertThat(published).isNotEqualTo(before);
        given().header("If-None-Match", published).get("/api/v1/releases.json").then().statusCode(304);

        withdraw(RELEASER, "4795.0.150", "kernel panic on boot").statusCode(200);

        String withdrawn = given().header("If-None-Match", published).get("/api/v1/releases.json").then()
                .statusCode(200).body("$", not(hasKey("4795.0.150"))).extract().header("ETag");
        assertThat(withdrawn).isNotEqualTo(published);
    }
}
