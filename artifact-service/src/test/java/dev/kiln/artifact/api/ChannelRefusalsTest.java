package dev.kiln.artifact.api;

import static dev.kiln.artifact.api.ChannelPublishingTest.ADMIN;
import static dev.kiln.artifact.api.ChannelPublishingTest.copy;
import static dev.kiln.artifact.api.ChannelPublishingTest.movePointer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.artifact.support.Database;
import dev.kiln.artifact.support.FlatcarRelease;
import dev.kiln.testing.badinput.RawHttp;
import dev.kiln.artifact.support.S3Direct;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and wrong requests to the channel API: a problem+json 4xx, and nothing changed in S3 or PostgreSQL. */
@QuarkusTest
class ChannelRefusalsTest {

    @TestHTTPResource("/")
    URI base;

    private static FlatcarRelease release;

    @BeforeEach
    void storeOneReleaseInStable() {
        if (release == null) {
            release = FlatcarRelease.of(FlatcarRelease.freshVersion(4593, 2), "amd64", 1000).store(base);
            copy("stable", "amd64", release.version()).then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "PUT {0} -> {1} {2}")
    @CsvSource({
        "/api/v1/channels/edge/amd64/versions/4593.2.5, 400, invalid-channel",
        "/api/v1/channels/STABLE/amd64/versions/4593.2.5, 400, invalid-channel",
        "/api/v1/channels/stable/x86/versions/4593.2.5, 400, invalid-arch",
        "/api/v1/channels/stable/amd64%2Fx/versions/4593.2.5, 400, invalid-path",
        "/api/v1/channels/stable/amd64-usr/versions/4593.2.5, 400, invalid-arch",
        "/api/v1/channels/stable/amd64/versions/4593.2.5+dev-x, 400, invalid-version",
        "/api/v1/channels/stable/amd64/versions/4593.2.5-dev-x, 400, invalid-version",
        "/api/v1/channels/stable/amd64/versions/04593.2.5, 400, invalid-version",
        "/api/v1/channels/stable/amd64/versions/latest, 400, invalid-version",
        "/api/v1/channels/stable/amd64/versions/%2e%2e, 400, invalid-path",
        "/api/v1/channels/stable/../../cache/x/versions/4593.2.5, 400, invalid-path",
    })
    void aCopyWithAWrongPathIsRefusedAndNothingIsCopied(String path, int status, String slug) {
        TreeSet<String> before = S3Direct.keys("");

        RawHttp.Answer answer = new RawHttp(base).send("PUT", path, "Authorization: Bearer " + ADMIN, "Content-Length: 0");

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("/" + slug + "\"");
        assertThat(S3Direct.keys("")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
        "stable, latest, 4593.2.5, 400, invalid-pointer",
        "stable, current-2024, VERSION, 400, invalid-pointer",
        "stable, CURRENT, VERSION, 400, invalid-pointer",
        "lts, current-24, VERSION, 400, invalid-pointer",
        "stable, current, 4593.2.5+dev-x, 400, invalid-version",
        "stable, current, ../4593.2.5, 400, invalid-version",
        "stable, current, '', 400, validation",
    })
    void aPointerMoveWithAWrongNameOrVersionIsRefusedAndNoPointerChanges(String channel, String name, String version,
            int status, String slug) {
        List<String> before = pointerRows();

        movePointer(channel, "amd64", name, version.equals("VERSION") ? release.version() : version).then()
                .statusCode(status).contentType("application/problem+json").body("type", endsWith("/" + slug));

        assertThat(pointerRows()).isEqualTo(before);
    }

    @Test
    void callersWithoutTheServiceTokenOrAdminAreRefused() {
        List<String> before = pointerRows();
        String path = "/api/v1/channels/stable/amd64/pointers/current";

        for (String token : List.of("test-builder-token", "test-releaser-token")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("version", release.version()))
                    .put(path).then().statusCode(403);
            given().auth().oauth2(token).put("/api/v1/channels/stable/amd64/versions/" + release.version())
                    .then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "no"))
                    .post("/api/v1/channels/stable/amd64/versions/" + release.version() + "/withdrawal").then().statusCode(403);
            given().auth().oauth2(token).body("{}").put("/api/v1/channel-files/releases/releases.json").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("version", release.version())).put(path).then().statusCode(401);
        given().auth().oauth2("not-a-token").delete(path).then().statusCode(401);

        assertThat(pointerRows()).isEqualTo(before);
        assertThat(Database.column("select version from channel_withdrawal where version = ?", release.version())).isEmpty();
    }

    @Test
    void theServiceTokenIsAccepted() {
        given().auth().oauth2("test-service-token").put("/api/v1/channels/stable/amd64/versions/" + release.version())
                .then().statusCode(200).body("skipped", equalTo(8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "stable/amd64-usr/VERSION/flatcar_production_image.bin.bz2",
        "images/amd64/VERSION/kiln-manifest.json",
        "edge/releases.json",
        "releases/feed.json",
        "stable/lts-info",
        "lts/amd64-usr/4593.2.5+dev-x/kiln-manifest.json",
        "stable/x86-usr/VERSION/kiln-manifest.json",
        "stable/amd64-usr/VERSION/sub/kiln-manifest.json",
        "stable/amd64-usr/%2e%2e/kiln-manifest.json",
        "stable/amd64-usr/VERSION/../../../releases.json",
        "releases.json",
    })
    void onlyTheFourChannelFilesMayBeWritten(String path) {
        TreeSet<String> before = S3Direct.keys("");

        RawHttp.Answer answer = new RawHttp(base).send("PUT", "/api/v1/channel-files/" + path.replace("VERSION",
                release.version()), "{}".getBytes(), "Authorization: Bearer " + ADMIN, "Content-Type: application/json",
                "Content-Length: 2");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("/invalid-channel-file\"");
        assertThat(S3Direct.keys("")).isEqualTo(before);
    }

    private static List<String> pointerRows() {
        return Database.column("select channel || '/' || arch || '/' || name || '=' || version || '@' || moved_at::text"
                + " from channel_pointer order by 1");
    }
}
