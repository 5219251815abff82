package dev.kiln.artifact.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.artifact.support.Database;
import dev.kiln.artifact.support.EventWriter;
import dev.kiln.artifact.support.FakeVersionService;
import dev.kiln.events.ReleasePublished;
import dev.kiln.events.VersionDeleted;
import dev.kiln.events.VersionTagged;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The replica garbage collection plans from: filled once from version-service, then kept by events. */
@QuarkusTest
class ReplicaConsumersTest {

    private final String id = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void fillsTheReplicaFromVersionServiceOnceWhenItWasNeverSynced() {
        Database.execute("delete from known_version");
        Database.execute("delete from replica_sync");
        FakeVersionService.reset(List.of(
                new FakeVersionService.Version("main-4799.0.0-nightly-" + id, "4799.0.0+nightly-" + id, false,
                        Instant.parse("2026-08-21T21:00:36Z")),
                new FakeVersionService.Version("stable-4593.2.5", null, true, Instant.parse("2026-08-12T10:00:00Z"))));

        plan();
        plan();

        assertThat(FakeVersionService.listCalls()).isEqualTo(1);
        assertThat(Database.column("select tag || ' ' || version from known_version order by tag")).containsExactly(
                "main-4799.0.0-nightly-" + id + " 4799.0.0+nightly-" + id, "stable-4593.2.5 4593.2.5");
    }

    @Test
    void appliesEachVersionEventOnceAndInOrder() {
        String tag = "main-4800.0.0-nightly-" + id;
        VersionTagged tagged = new VersionTagged(tag, "4800.0.0+nightly-" + id, "4800.0.0", "nightly-" + id,
                "4800.0.0+nightly-" + id, "developer", null, "main", "abc123", false, Instant.now());

        String taggedId = EventWriter.send(tagged);
        awaitKnown(tag, true);
        EventWriter.send(new VersionDeleted(tag, "4800.0.0+nightly-" + id, "garbage collection", Instant.now()));
        awaitKnown(tag, false);
        EventWriter.send(tagged, taggedId);
        String marker = "main-4801.0.0-nightly-" + id;
        EventWriter.send(new VersionTagged(marker, null, "4801.0.0", "nightly", null, "developer", null, "main", "def",
                false, Instant.now()));
        awaitKnown(marker, true);

        assertThat(known()).doesNotContain(tag);
        assertThat(Database.column("select version from known_version where tag = ?", marker))
                .containsExactly("4801.0.0+nightly-" + id);
    }

    @Test
    void recordsAHistoricTagThatNamesNoVersionUnderItsOwnName() {
        String historic = "v2234.99.0-" + id;
        EventWriter.send(new VersionTagged(historic, null, null, null, null, "developer", null, "main", "fed",
                false, Instant.now()));

        awaitKnown(historic, true);

        assertThat(Database.column("select version from known_version where tag = ?", historic))
                .containsExactly(historic);
    }

    @Test
    void recordsPublishedReleasesByReleaseNumber() {
        EventWriter.send(new ReleasePublished("4593.2.9", "stable", List.of("amd64", "arm64"), Instant.now()));
        EventWriter.send(new ReleasePublished("lts-4081.3.12", "lts", List.of("amd64"), Instant.now()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(Database.column("select version || ' ' || channel from published_release"))
                        .contains("4593.2.9 stable", "4081.3.12 lts"));
    }

    private static void plan() {
        given().auth().oauth2("test-admin-token").contentType(ContentType.JSON).post("/api/v1/gc/plan").then()
                .statusCode(200);
    }

    private static void awaitKnown(String tag, boolean present) {
        await().atMost(Duration.ofSeconds(60)).until(() -> known().contains(tag) == present);
    }

    private static List<String> known() {
        return Database.column("select tag from known_version");
    }
}
