package dev.kiln.artifact.api;

import static dev.kiln.artifact.api.ChannelPublishingTest.ADMIN;
import static dev.kiln.artifact.api.ChannelPublishingTest.copy;
import static dev.kiln.artifact.api.ChannelPublishingTest.movePointer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.artifact.support.Database;
import dev.kiln.artifact.support.FakeVersionService;
import dev.kiln.artifact.support.FlatcarRelease;
import dev.kiln.artifact.support.S3Direct;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Garbage collection never removes a channel directory, nor the images directory a channel copied. */
@QuarkusTest
class ChannelGarbageCollectionTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aRunKeepsChannelDirectoriesAndTheirImagesSourcesButPurgesAnUncopiedTwin() {
        Database.execute("delete from gc_run");
        Database.execute("delete from known_version");
        Database.execute("delete from replica_sync");
        Database.execute("delete from published_release");
        // one tag is known, and it names neither release: both images directories are orphans to Flatcar's sweep
        FakeVersionService.reset(List.of(new FakeVersionService.Version("stable-4870.2.1", "4870.2.1", true,
                Instant.now().minus(50, ChronoUnit.DAYS))));
        FlatcarRelease published = FlatcarRelease.of(FlatcarRelease.freshVersion(4593, 2), "amd64", 1000).store(base);
        FlatcarRelease uncopied = FlatcarRelease.of(FlatcarRelease.freshVersion(4593, 2), "amd64", 1000).store(base);
        copy("stable", "amd64", published.version()).then().statusCode(200);
        movePointer("stable", "amd64", "current", published.version()).then().statusCode(200);
        TreeSet<String> channel = S3Direct.keys("stable/");
        Map<String, Object> settings = Map.of("keep", 1, "minAgeDays", 14, "keepPerChannel", 1);

        JsonPath plan = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(settings).post("/api/v1/gc/plan")
                .then().statusCode(200).extract().jsonPath();
        String runId = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(settings).post("/api/v1/gc/runs")
                .then().statusCode(202).extract().path("id");
        JsonPath run = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/api/v1/gc/runs/" + runId).then().statusCode(200).extract().jsonPath(),
                        r -> !"running".equals(r.getString("status")));

        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
        assertThat(code(plan, "images/amd64/" + published.version() + "/")).isEqualTo("release.in-channel");
        assertThat(code(plan, "images/amd64/" + uncopied.version() + "/")).isEqualTo("orphan.untagged");
        List<String> subjects = plan.getList("decisions.subject", String.class);
        assertThat(subjects).noneMatch(s -> s.matches("(alpha|beta|stable|lts)/.*"));
        assertThat(S3Direct.keys("stable/")).containsAll(channel);
        assertThat(S3Direct.keys(published.imagesDirectory())).hasSize(8);
        assertThat(S3Direct.keys(uncopied.imagesDirectory())).isEmpty();
        assertThat(given().get("/cache/stable/amd64-usr/current/version.txt").asString())
                .isEqualTo(FlatcarRelease.versionTxt(published.version()));
    }

    private static String code(JsonPath plan, String subject) {
        List<Map<String, Object>> decisions = plan.getList("decisions");
        return decisions.stream().filter(d -> subject.equals(d.get("subject"))).map(d -> (String) d.get("code"))
                .findFirst().orElseThrow(() -> new AssertionError("no decision about " + subject));
    }
}
