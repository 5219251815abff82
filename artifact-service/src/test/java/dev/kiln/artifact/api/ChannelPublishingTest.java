package dev.kiln.artifact.api;

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
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Copying a release into a channel, its listings and digests, and the pointer reads, against real S3 and PostgreSQL. */
@QuarkusTest
class ChannelPublishingTest {

    static final String ADMIN = "test-admin-token";

    @TestHTTPResource("/")
    URI base;

    @Test
    void copiesEveryImageFileIntoTheChannelDirectoryAndServesItFromThere() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4593, 2), "amd64", 300_000).store(base);
        String target = "stable/amd64-usr/" + release.version() + "/";

        JsonPath copy = copy("stable", "amd64", release.version()).then().statusCode(200).extract().jsonPath();

        assertThat(copy.getString("channel")).isEqualTo("stable");
        assertThat(copy.getString("version")).isEqualTo(release.version());
        assertThat(copy.getInt("copied")).isEqualTo(8);
        assertThat(copy.getInt("skipped")).isZero();
        assertThat(copy.getList("files.name", String.class)).containsExactlyInAnyOrder(FlatcarRelease.VERSION_TXT,
                FlatcarRelease.VERSION_TXT + ".DIGESTS", FlatcarRelease.IMAGE, FlatcarRelease.IMAGE + ".DIGESTS",
                FlatcarRelease.PACKAGES, FlatcarRelease.PACKAGES + ".DIGESTS", FlatcarRelease.KERNEL,
                FlatcarRelease.KERNEL + ".DIGESTS");
        assertThat(given().get("/cache/" + target + FlatcarRelease.IMAGE).asByteArray())
                .isEqualTo(release.file(FlatcarRelease.IMAGE));
        assertThat(given().get("/cache/" + target + FlatcarRelease.VERSION_TXT).asString())
                .isEqualTo(FlatcarRelease.versionTxt(release.version()));
        given().get("/cache/" + target + FlatcarRelease.IMAGE + ".DIGESTS").then().statusCode(200)
                .body(containsString("  " + FlatcarRelease.IMAGE));
        given().accept(ContentType.JSON).get("/cache/" + target).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItems(FlatcarRelease.IMAGE, FlatcarRelease.KERNEL));
        given().get("/api/v1/artifacts?area=stable&version=" + release.version() + "&arch=amd64").then().statusCode(200)
                .body("total", equalTo(8));
    }

    @Test
    void aSecondCopySkipsEveryFileAndAnswersTheSameFiles() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4593, 2), "arm64", 10_000).store(base);
        JsonPath first = copy("stable", "arm64", release.version()).then().statusCode(200).extract().jsonPath();

        JsonPath second = copy("stable", "arm64", release.version()).then().statusCode(200).extract().jsonPath();

        assertThat(second.getInt("copied")).isZero();
        assertThat(second.getInt("skipped")).isEqualTo(8);
        assertThat(second.getList("files", Map.class)).isEqualTo(first.getList("files", Map.class));
    }

    @Test
    void nothingToPublishWhenTheImagesDirectoryIsEmpty() {
        String version = FlatcarRelease.freshVersion(4593, 2);

        copy("stable", "amd64", version).then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("/nothing-to-publish"));
        assertThat(S3Direct.keys("stable/amd64-usr/" + version + "/")).isEmpty();
    }

    @Test
    void currentServesTheTargetVersionsFilesAndListsThem() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4628, 1), "amd64", 200_000).store(base);
        copy("beta", "amd64", release.version()).then().statusCode(200);

        movePointer("beta", "amd64", "current", release.version()).then().statusCode(200)
                .body("channel", equalTo("beta")).body("name", equalTo("current")).body("version", equalTo(release.version()));

        assertThat(given().get("/cache/beta/amd64-usr/current/version.txt").asString())
                .isEqualTo(FlatcarRelease.versionTxt(release.version()));
        given().head("/cache/beta/amd64-usr/current/" + FlatcarRelease.IMAGE).then().statusCode(200)
                .header("Content-Length", "200000");
        assertThat(given().header("Range", "bytes=100-199").get("/cache/beta/amd64-usr/current/" + FlatcarRelease.IMAGE)
                .then().statusCode(206).extract().asByteArray())
                .isEqualTo(java.util.Arrays.copyOfRange(release.file(FlatcarRelease.IMAGE), 100, 200));
        given().accept(ContentType.JSON).get("/cache/beta/amd64-usr/current/").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItems(FlatcarRelease.VERSION_TXT, FlatcarRelease.IMAGE));
        given().accept(ContentType.JSON).get("/cache/beta/amd64-usr/").then().statusCode(200)
                .body("findAll { it.type == 'directory' }.name", org.hamcrest.Matchers.hasItems("current", release.version()));
        given().redirects().follow(false).get("/cache/beta/amd64-usr/current").then().statusCode(301)
                .header("Location", endsWith("/cache/beta/amd64-usr/current/"));
        given().get("/api/v1/channels/beta/amd64/pointers").then().statusCode(200)
                .body("find { it.name == 'current' }.version", equalTo(release.version()));
    }

    @Test
    void movingCurrentAgainToTheSameVersionChangesNothing() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4628, 1), "arm64", 1000).store(base);
        copy("beta", "arm64", release.version()).then().statusCode(200);
        movePointer("beta", "arm64", "current", release.version()).then().statusCode(200);
        Object movedAt = pointer("beta", "arm64", "current").get("movedAt");

        movePointer("beta", "arm64", "current", release.version()).then().statusCode(200)
                .body("version", equalTo(release.version()));

        assertThat(pointer("beta", "arm64", "current").get("movedAt")).isEqualTo(movedAt);
    }

    @Test
    void aPointerMovesOnlyToAVersionCopiedIntoTheChannel() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4593, 2), "amd64", 1000).store(base);

        movePointer("stable", "amd64", "current", release.version()).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/version-not-in-channel"));
    }

    @Test
    void ltsHasAStreamPointerPerYearBesideCurrent() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4081, 3), "amd64", 1000).store(base);
        copy("lts", "amd64", release.version()).then().statusCode(200);

        movePointer("lts", "amd64", "current-2024", release.version()).then().statusCode(200)
                .body("name", equalTo("current-2024"));

        assertThat(given().get("/cache/lts/amd64-usr/current-2024/version.txt").asString())
                .isEqualTo(FlatcarRelease.versionTxt(release.version()));
        given().accept(ContentType.JSON).get("/cache/lts/amd64-usr/").then().statusCode(200)
                .body("findAll { it.type == 'directory' }.name", org.hamcrest.Matchers.hasItem("current-2024"));
    }

    @Test
    void aRemovedPointerNoLongerResolvesAndARepeatIsNoContentToo() {
        FlatcarRelease release = FlatcarRelease.of(FlatcarRelease.freshVersion(4757, 0), "arm64", 1000).store(base);
        copy("alpha", "arm64", release.version()).then().statusCode(200);
        movePointer("alpha", "arm64", "current", release.version()).then().statusCode(200);

        given().auth().oauth2(ADMIN).delete("/api/v1/channels/alpha/arm64/pointers/current").then().statusCode(204);
        given().auth().oauth2(ADMIN).delete("/api/v1/channels/alpha/arm64/pointers/current").then().statusCode(204);

        given().get("/cache/alpha/arm64-usr/current/version.txt").then().statusCode(404);
        given().get("/api/v1/channels/alpha/arm64/pointers").then().statusCode(200).body("name", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("current")));
    }

    @Test
    void aBuilderCannotWriteIntoAChannelDirectoryThroughTheCache() {
        String version = FlatcarRelease.freshVersion(4593, 2);

        given().auth().oauth2("test-builder-token").body(new byte[] {1}).put("/cache/stable/amd64-usr/" + version + "/version.txt")
                .then().statusCode(409).contentType("application/problem+json").body("type", endsWith("/channel-directory"));

        assertThat(S3Direct.keys("stable/amd64-usr/" + version + "/")).isEmpty();
    }

    static io.restassured.response.Response copy(String channel, String arch, String version) {
        return given().auth().oauth2(ADMIN).put("/api/v1/channels/" + channel + "/" + arch + "/versions/" + version);
    }

    static io.restassured.response.Response movePointer(String channel, String arch, String name, String version) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("version", version))
                .put("/api/v1/channels/" + channel + "/" + arch + "/pointers/" + name);
    }

    static Map<String, Object> pointer(String channel, String arch, String name) {
        List<Map<String, Object>> pointers = given().get("/api/v1/channels/" + channel + "/" + arch + "/pointers")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return pointers.stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
    }
}
