package dev.kiln.version.api;

import static dev.kiln.version.support.Api.ADMIN;
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
import static org.hamcrest.Matchers.notNullValue;

import dev.kiln.events.EventCatalog;
import dev.kiln.events.Topics;
import dev.kiln.events.VersionDeleted;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.testing.EventReader;
import dev.kiln.testing.KilnServicesResource;
import dev.kiln.version.support.OutboxRows;
import dev.kiln.version.support.ScriptsRemote;
import dev.kiln.version.support.ScriptsRepoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Garbage collection deletes dev tags through Kiln; official release tags can never go. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class DevTagDeletionTest {

    private static final String DELETED = EventCatalog.VERSION_DELETED.name();

    @ConfigProperty(name = "kiln.version.scripts-repo-url")
    String remoteUrl;

    @Test
    void deletesADevTagOnTheRemoteAndLocallyAndRecordsIt() {
        String tag = "main-4799.0.0-gc-me";
        allocate(BUILDER, body("kind", "dev", "branch", "feature/faster-boot", "suffix", "gc-me")).statusCode(201);

        try (EventReader reader = new EventReader(Topics.VERSIONS)) {
            as(ADMIN).queryParam("reason", "garbage collection").delete(VERSIONS + "/" + tag).then().statusCode(204);

            List<IncomingEvent> events = reader.await(e -> e.is(EventCatalog.VERSION_DELETED) && tag.equals(e.key()), 1, Duration.ofSeconds(60));
            assertThat(events).as("at-least-once: redeliveries carry the same event id").isNotEmpty()
                    .extracting(IncomingEvent::id).containsOnly(events.getFirst().id());
            assertThat(OutboxRows.count(DELETED, tag)).as("emitted once").isEqualTo(1);
            VersionDeleted data = events.getFirst().dataAs(EventCatalog.VERSION_DELETED);
            assertThat(data.version()).isEqualTo("4799.0.0+gc-me");
            assertThat(data.reason()).isEqualTo("garbage collection (by admin)");
        }
        assertThat(remote().tags()).doesNotContain(tag);
        given().get(VERSIONS + "/" + tag).then().statusCode(200)
                .body("status", equalTo("deleted"))
                .body("deletedAt", notNullValue())
                .body("deleteReason", equalTo("garbage collection (by admin)"));
        given().get(VERSIONS + "/" + tag + "/version.txt").then().statusCode(404);
    }

    @Test
    void aDeletedVersionIsNeverHandedOutAgain() {
        allocate(BUILDER, body("kind", "dev", "branch", "feature/faster-boot", "suffix", "gc-once")).statusCode(201);
        as(ADMIN).delete(VERSIONS + "/main-4799.0.0-gc-once").then().statusCode(204);

        allocate(BUILDER, body("kind", "dev", "branch", "feature/faster-boot", "suffix", "gc-once")).statusCode(409)
                .body("type", equalTo("https://kiln.dev/problems/version-already-allocated"))
                .body("detail", containsString("(deleted)"));

        assertThat(remote().tags()).doesNotContain("main-4799.0.0-gc-once");
    }

    @Test
    void deletingTwiceChangesNothingTheSecondTime() {
        allocate(BUILDER, body("kind", "dev", "branch", "feature/faster-boot", "suffix", "gc-twice")).statusCode(201);
        as(RELEASER).delete(VERSIONS + "/main-4799.0.0-gc-twice").then().statusCode(204);

        as(RELEASER).delete(VERSIONS + "/main-4799.0.0-gc-twice").then().statusCode(204);

        assertThat(OutboxRows.count(DELETED, "main-4799.0.0-gc-twice")).isEqualTo(1);
    }

    @Test
    void officialReleaseTagsCanNeverBeDeleted() {
        as(ADMIN).delete(VERSIONS + "/lts-4081.3.10").then().statusCode(409)
                .body("type", equalTo("https://kiln.dev/problems/official-tag-not-deletable"));

        assertThat(remote().tags()).contains("lts-4081.3.10");
    }

    @Test
    void deletesADevTagKilnDidNotAllocate() {
        as(ADMIN).delete(VERSIONS + "/alpha-4790.0.0-dev23").then().statusCode(204);

        assertThat(remote().tags()).doesNotContain("alpha-4790.0.0-dev23");
        assertThat(OutboxRows.count(DELETED, "alpha-4790.0.0-dev23")).isEqualTo(1);
    }

    @Test
    void unknownTagIsNotFound() {
        as(ADMIN).delete(VERSIONS + "/main-4799.0.0-never-made").then().statusCode(404)
                .body("type", equalTo("https://kiln.dev/problems/version-not-found"));
    }

    @Test
    void deletingNeedsTheAdminOrReleaserRole() {
        allocate(BUILDER, body("kind", "dev", "branch", "feature/faster-boot", "suffix", "gc-keep")).statusCode(201);

        as(BUILDER).delete(VERSIONS + "/main-4799.0.0-gc-keep").then().statusCode(403)
                .body("type", equalTo("https://kiln.dev/problems/forbidden"));
        given().delete(VERSIONS + "/main-4799.0.0-gc-keep").then().statusCode(401);

        assertThat(remote().tags()).contains("main-4799.0.0-gc-keep");
    }

    private ScriptsRemote remote() {
        return ScriptsRemote.at(Path.of(URI.create(remoteUrl)));
    }
}
