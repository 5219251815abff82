package dev.kiln.release.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.kiln.events.EventCatalog;
import dev.kiln.events.EventJson;
import dev.kiln.events.ReleaseCandidate;
import dev.kiln.release.testing.Builds;
import dev.kiln.release.testing.Db;
import dev.kiln.release.testing.EventWriter;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Successful builds on kiln.builds become release candidates, once, and only for official versions. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class BuildEventsConsumerTest {

    private static void awaitHandled(String eventId) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Db.count("kiln_inbox", "consumer = ? and event_id = ?", BuildEventsConsumer.CONSUMER, eventId) == 1);
    }

    @Test
    void aBuildOfAnOfficialVersionBecomesACandidateAnnouncedWithItsImageUrls() {
        String id = EventWriter.send(Builds.succeeded("4790.0.1"));

        awaitHandled(id);

        given().get("/api/v1/releases/4790.0.1").then().statusCode(200)
                .body("state", equalTo("candidate"))
                .body("channel", equalTo("alpha"))
                .body("tag", equalTo("alpha-4790.0.1"))
                .body("buildId", equalTo("b-479001"))
                .body("commit", equalTo(Builds.COMMIT))
                .body("arches", contains("amd64", "arm64"))
                .body("transitions", hasSize(1))
                .body("transitions[0].actor", equalTo("build:b-479001"));
        List<String> announced = Db.outbox(EventCatalog.RELEASE_CANDIDATE.name(), "4790.0.1");
        assertThat(announced).hasSize(1);
        ReleaseCandidate candidate = EventJson.read(announced.getFirst(), EventCatalog.RELEASE_CANDIDATE);
        assertThat(candidate.vendors()).containsExactly("qemu_uefi", "ami");
        assertThat(candidate.imageUrls()).isEqualTo(Map.of(
                "amd64", "http://cache.test/cache/images/amd64/4790.0.1/",
                "arm64", "http://cache.test/cache/images/arm64/4790.0.1/"));
    }

    @Test
    void aRedeliveredOrRepeatedBuildChangesNothing() {
        String first = EventWriter.send(Builds.succeeded("4459.2.3"));
        awaitHandled(first);

        EventWriter.send(Builds.succeeded("4459.2.3"), first, EventWriter.FOREIGN_SOURCE);
        String again = EventWriter.send(Builds.succeeded("4459.2.3"));
        awaitHandled(again);

        assertThat(Db.count("release", "version = ?", "4459.2.3")).isEqualTo(1);
        assertThat(Db.count("release_transition", "version = ?", "4459.2.3")).isEqualTo(1);
        assertThat(Db.outbox(EventCatalog.RELEASE_CANDIDATE.name(), "4459.2.3")).hasSize(1);
    }

    @Test
    void nightlyAndDevBuildsAreNoReleases() {
        String nightly = EventWriter.send(Builds.succeeded("4799.0.0+nightly-20260821-2100"));
        String dev = EventWriter.send(Builds.succeeded("4593.2.4+fix-nvidia-drivers-4593"));

        awaitHandled(nightly);
        awaitHandled(dev);

        assertThat(Db.count("release", "major in (4799) or version like '%+%'")).isZero();
    }
}
