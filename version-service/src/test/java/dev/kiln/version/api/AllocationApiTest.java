package dev.kiln.version.api;

import static dev.kiln.version.support.Api.BUILDER;
import static dev.kiln.version.support.Api.RELEASER;
import static dev.kiln.version.support.Api.VERSIONS;
import static dev.kiln.version.support.Api.allocate;
import static dev.kiln.version.support.Api.as;
import static dev.kiln.version.support.Api.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.kiln.events.EventCatalog;
import dev.kiln.events.Topics;
import dev.kiln.events.VersionTagged;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.testing.EventReader;
import dev.kiln.testing.KilnServicesResource;
import dev.kiln.version.support.MutableClock;
import dev.kiln.version.support.OutboxRows;
import dev.kiln.version.support.ScriptsRemote;
import dev.kiln.version.support.ScriptsRepoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The allocation contract callers rely on: idempotency, errors as problem+json, authentication, the event. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class AllocationApiTest {

    @Inject
    MutableClock clock;

    @ConfigProperty(name = "kiln.version.scripts-repo-url")
    String remoteUrl;

    @Test
    void repeatWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndTagsOnce() {
        ExtractableResponse<Response> first = allocate(RELEASER, "patch-4459-once", body("kind", "patch", "from", "stable-4459.2.1"))
                .statusCode(201).extract();

        ExtractableResponse<Response> again = allocate(RELEASER, "patch-4459-once", body("kind", "patch", "from", "stable-4459.2.1"))
                .statusCode(201).header(VersionResource.REPLAYED_HEADER, "true").extract();

        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(first.<String>path("tag")).isEqualTo("stable-4459.2.2");
        assertThat(remote().tags()).filteredOn(t -> t.startsWith("stable-4459.2.")).containsExactlyInAnyOrder(
                "stable-4459.2.0", "stable-4459.2.1", "stable-4459.2.2");
        allocate(RELEASER, body("kind", "patch", "from", "stable-4459.2.1")).statusCode(201).body("tag", equalTo("stable-4459.2.3"));
    }

    @Test
    void sameIdempotencyKeyWithAnotherRequestIsRefused() {
        allocate(BUILDER, "dev-key-reuse", body("kind", "dev", "branch", "feature/faster-boot", "suffix", "key-reuse-1")).statusCode(201);

        allocate(BUILDER, "dev-key-reuse", body("kind", "dev", "branch", "feature/faster-boot", "suffix", "key-reuse-2")).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/idempotency-key-reused"));

        assertThat(remote().tags()).contains("main-4799.0.0-key-reuse-1").doesNotContain("main-4799.0.0-key-reuse-2");
    }

    @Test
    void aSecondNightlyInTheSameMinuteGetsTheNextMinutesVersion() {
        clock.set("2026-08-26T14:45:10Z");
        allocate(BUILDER, "nightly-1445-first", body("kind", "nightly")).statusCode(201)
                .body("tag", equalTo("main-4804.0.0-nightly-20260826-1445"));

        allocate(BUILDER, "nightly-1445-second", body("kind", "nightly")).statusCode(201)
                .body("tag", equalTo("main-4804.0.0-nightly-20260826-1446"))
                .body("buildId", equalTo("nightly-20260826-1446"));

        assertThat(remote().tags()).contains("main-4804.0.0-nightly-20260826-1445", "main-4804.0.0-nightly-20260826-1446");
    }

    @Test
    void theFirstNightlysKeyStillReplaysItsAnswerAfterASecondNightlyInItsMinute() {
        clock.set("2026-08-26T15:45:00Z");
        String first = allocate(BUILDER, "nightly-1545-first", body("kind", "nightly")).statusCode(201)
                .body("tag", equalTo("main-4804.0.0-nightly-20260826-1545")).extract().asString();
        allocate(BUILDER, "nightly-1545-second", body("kind", "nightly")).statusCode(201)
                .body("tag", equalTo("main-4804.0.0-nightly-20260826-1546"));

        String again = allocate(BUILDER, "nightly-1545-first", body("kind", "nightly")).statusCode(201)
                .header(VersionResource.REPLAYED_HEADER, "true").extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(remote().tags()).filteredOn(t -> t.contains("nightly-20260826-15")).containsExactlyInAnyOrder(
                "main-4804.0.0-nightly-20260826-1545", "main-4804.0.0-nightly-20260826-1546");
    }

    @Test
    void illegalRequestsAre422WithTheRule() {
        allocate(RELEASER, body("kind", "promotion", "from", "stable-4593.2.5", "to", "alpha")).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/illegal-version-request"))
                .body("status", equalTo(422))
                .body("detail", containsString("cannot promote stable to alpha"))
                .body("instance", equalTo(VERSIONS));
        allocate(RELEASER, body("kind", "promotion", "from", "alpha-4790.0.7")).statusCode(422)
                .body("detail", containsString("was never released"));
        clock.set("2026-08-12T10:00:00Z");
        allocate(RELEASER, body("kind", "alpha")).statusCode(422).body("detail", containsString("release major 4790 exists"));
        allocate(BUILDER, body("kind", "dev", "suffix", "my fix")).statusCode(422)
                .body("detail", containsString("holds characters a tag cannot hold"));
    }

    @Test
    void malformedInputIs400AndChangesNothing() {
        List<String> tagsBefore = remote().tags();

        allocate(RELEASER, body("kind", "patch", "from", "stable-4593.2")).statusCode(400)
                .body("type", equalTo("https://kiln.dev/problems/malformed-version"));
        allocate(BUILDER, body("kind", "weekly")).statusCode(400)
                .body("type", equalTo("https://kiln.dev/problems/validation"))
                .body("errors.field", hasItem("kind"));
        allocate(RELEASER, body("kind", "promotion")).statusCode(400)
                .body("type", equalTo("https://kiln.dev/problems/validation"))
                .body("errors.field", hasItem("from"));
        allocate(BUILDER, body("kind", "alpha", "branch", "main")).statusCode(400).body("errors.field", hasItem("branch"));
        as(BUILDER).contentType(ContentType.JSON).body("{\"kind\": ").post(VERSIONS).then().statusCode(400)
                .body("type", equalTo("https://kiln.dev/problems/malformed-json"));
        as(BUILDER).contentType(ContentType.JSON).post(VERSIONS).then().statusCode(400);
        as(BUILDER).header("Idempotency-Key", "has space").contentType(ContentType.JSON).body(body("kind", "nightly"))
                .post(VERSIONS).then().statusCode(400).body("type", equalTo("https://kiln.dev/problems/invalid-idempotency-key"));

        assertThat(remote().tags()).containsExactlyInAnyOrderElementsOf(tagsBefore);
    }

    @Test
    void allocatingNeedsABuilderOrReleaserToken() {
        given().contentType(ContentType.JSON).body(body("kind", "nightly")).post(VERSIONS).then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://kiln.dev/problems/unauthenticated"));
        allocate("not-a-token", body("kind", "nightly")).statusCode(401);
    }

    @Test
    void everyAllocationEmitsVersionTaggedKeyedByTag() {
        String tag = "alpha-4790.0.1-event-1";

        try (EventReader reader = new EventReader(Topics.VERSIONS)) {
            String commit = allocate(BUILDER, body("kind", "dev", "branch", "flatcar-4790", "from", "alpha-4790.0.1", "suffix", "event-1")).statusCode(201)
                    .body("tag", equalTo(tag)).extract().path("commit");

            List<IncomingEvent> events = reader.await(e -> e.is(EventCatalog.VERSION_TAGGED) && tag.equals(e.key()), 1,
                    Duration.ofSeconds(60));
            assertThat(events).as("at-least-once: redeliveries carry the same event id").isNotEmpty()
                    .extracting(IncomingEvent::id).containsOnly(events.getFirst().id());
            assertThat(OutboxRows.count(EventCatalog.VERSION_TAGGED.name(), tag)).as("emitted once").isEqualTo(1);
            assertThat(events.getFirst().source()).isEqualTo("/kiln/version-service");
            VersionTagged data = events.getFirst().dataAs(EventCatalog.VERSION_TAGGED);
            assertThat(data).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(new VersionTagged(tag,
                    "4790.0.1+event-1", "4790.0.1", "event-1", "4790.0.0", "alpha", "alpha", null, commit, false, Instant.EPOCH));
            assertThat(data.createdAt()).isEqualTo(clock.instant());
        }
    }

    private ScriptsRemote remote() {
        return ScriptsRemote.at(Path.of(URI.create(remoteUrl)));
    }
}
