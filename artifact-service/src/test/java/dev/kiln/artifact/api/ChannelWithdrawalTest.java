package dev.kiln.artifact.api;

import static dev.kiln.artifact.api.ChannelPublishingTest.ADMIN;
import static dev.kiln.artifact.api.ChannelPublishingTest.copy;
import static dev.kiln.artifact.api.ChannelPublishingTest.movePointer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.kiln.artifact.support.FlatcarRelease;
import dev.kiln.artifact.support.S3Direct;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Withdrawing a release from a channel directory, and the channel files a release writes beside its images. */
@QuarkusTest
class ChannelWithdrawalTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyReadUnderAWithdrawnVersionIsGoneButTheObjectsStay() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4593, 2), "amd64", 5000).store(base);
        copy("stable", "amd64", release.version()).then().statusCode(200);
        String directory = "/cache/stable/amd64-usr/" + release.version() + "/";

        withdraw("stable", "amd64", release.version(), "CVE-2026-1234 in the kernel").then().statusCode(200)
                .body("version", equalTo(release.version())).body("reason", equalTo("CVE-2026-1234 in the kernel"));

        for (Response read : new Response[] {given().get(directory + FlatcarRelease.VERSION_TXT),
                given().header("Range", "bytes=0-9").get(directory + FlatcarRelease.IMAGE),
                given().accept(ContentType.JSON).get(directory), given().get(directory + "missing.txt")}) {
            read.then().statusCode(410).contentType("application/problem+json").body("type", endsWith("/version-withdrawn"))
                    .body("detail", containsString("CVE-2026-1234"));
        }
        given().head(directory + FlatcarRelease.IMAGE).then().statusCode(410);
        assertThat(S3Direct.keys("stable/amd64-usr/" + release.version() + "/")).hasSize(8);
        given().get("/cache/" + release.imagesDirectory() + FlatcarRelease.VERSION_TXT).then().statusCode(200);
    }

    @Test
    void aRepeatedWithdrawalAnswersTheFirstAndAWithdrawnVersionIsNeitherCopiedNorPointedAt() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4593, 2), "arm64", 1000).store(base);
        copy("stable", "arm64", release.version()).then().statusCode(200);
        Object first = withdraw("stable", "arm64", release.version(), "bad build").then().statusCode(200)
                .extract().path("withdrawnAt");

        withdraw("stable", "arm64", release.version(), "again").then().statusCode(200)
                .body("withdrawnAt", equalTo(first)).body("reason", equalTo("bad build"));

        copy("stable", "arm64", release.version()).then().statusCode(410).body("type", endsWith("/version-withdrawn"));
        movePointer("stable", "arm64", "current", release.version()).then().statusCode(410)
                .body("type", endsWith("/version-withdrawn"));
    }

    @Test
    void theVersionACurrentPointerNamesCannotBeWithdrawn() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4081, 3), "arm64", 1000).store(base);
        copy("lts", "arm64", release.version()).then().statusCode(200);
        movePointer("lts", "arm64", "current-2025", release.version()).then().statusCode(200);

        withdraw("lts", "arm64", release.version(), "regression").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/version-is-current"))
                .body("detail", containsString("current-2025"));

        given().get("/cache/lts/arm64-usr/" + release.version() + "/version.txt").then().statusCode(200);
        given().get("/cache/lts/arm64-usr/current-2025/version.txt").then().statusCode(200);
    }

    @Test
    void channelFilesAreStoredWithTheirContentTypeCreatedThenReplaced() {
        String feed = "{\"4593.2.5\":{\"channel\":\"stable\",\"architectures\":[\"amd64\",\"arm64\"]}}";

        putChannelFile("releases/releases.json", "application/json", feed).then().statusCode(201);
        putChannelFile("releases/releases.json", "application/json", feed).then().statusCode(200);
        putChannelFile("stable/releases.json", "application/json", feed).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        putChannelFile("lts/lts-info", "text/plain", "3510:2023:supported\n4081:2024:supported\n").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String version = FlatcarRelease.freshVersion(4593, 2);
        putChannelFile("stable/amd64-usr/" + version + "/kiln-manifest.json", "application/json", "{\"version\":\"" + version + "\"}")
                .then().statusCode(201);

        given().get("/cache/releases/releases.json").then().statusCode(200).contentType("application/json")
                .body(equalTo(feed));
        given().get("/cache/lts/lts-info").then().statusCode(200).contentType(containsString("text/plain"));
        given().get("/cache/stable/amd64-usr/" + version + "/kiln-manifest.json").then().statusCode(200)
                .body("version", equalTo(version));
    }

    static Response withdraw(String channel, String arch, String version, String reason) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/channels/" + channel + "/" + arch + "/versions/" + version + "/withdrawal");
    }

    static Response putChannelFile(String path, String contentType, String body) {
        return given().auth().oauth2(ADMIN).contentType(contentType).body(body).put("/api/v1/channel-files/" + path);
    }
}
