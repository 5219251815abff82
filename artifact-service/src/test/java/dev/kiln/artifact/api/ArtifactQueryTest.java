package dev.kiln.artifact.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import dev.kiln.artifact.support.CacheHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The metadata index: queries by version, area and arch, paging, and one path. */
@QuarkusTest
class ArtifactQueryTest {

    private static final String BUILD = UUID.randomUUID().toString().substring(0, 8);
    private static final String PLUS = "4801.0.0+nightly-" + BUILD;
    private static final String DASH = "4801.0.0-nightly-" + BUILD;
    private static final List<String> FILES = List.of(
            "sdk/amd64/" + PLUS + "/flatcar-sdk-amd64-" + PLUS + ".tar.bz2.sig",
            "containers/" + DASH + "/flatcar-packages-arm64-" + DASH + ".id.sig",
            "boards/arm64-usr/" + PLUS + "/pkgs/Packages.sig",
            "images/amd64/" + PLUS + "/version.txt.sig",
            "images/arm64/" + PLUS + "/version.txt.sig",
            "testing/" + PLUS + "/arm64/qemu_uefi/results.tap.sig",
            "build-logs/" + PLUS + "/image-logs.tar.xz.sig");
    private static boolean seeded;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void seedOnce() {
        if (!seeded) {
            CacheHttp http = new CacheHttp(base);
            FILES.forEach(path -> http.put(path, () -> new ByteArrayInputStream(new byte[] {1, 2, 3}), 3));
            seeded = true;
        }
    }

    @Test
    void findsEveryAreaOfAVersionInEitherSpelling() {
        for (String version : List.of(PLUS, DASH)) {
            given().queryParam("version", version).get("/api/v1/artifacts").then().statusCode(200)
                    .body("total", equalTo(FILES.size())).body("items.version", everyItem(equalTo(PLUS)))
                    .body("items.path", contains(FILES.stream().sorted().toArray()));
        }
    }

    @Test
    void filtersByAreaAndArch() {
        given().queryParam("version", PLUS).queryParam("arch", "arm64").get("/api/v1/artifacts").then()
                .statusCode(200).body("items.area", contains("boards", "images", "testing"));
        given().queryParam("version", PLUS).queryParam("area", "images").queryParam("arch", "amd64")
                .get("/api/v1/artifacts").then().body("items.path", contains(FILES.get(3)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "version, 4593.9",
        "version, latest",
        "version, 4593.2.5+",
        "area, image",
        "area, ../images",
        "area, stable-ish",
        "arch, AMD64",
        "arch, amd64-usr/..",
        "arch, arm64/",
    })
    void refusesAFilterThatCouldNeverMatch(String filter, String value) {
        given().queryParam(filter, value).get("/api/v1/artifacts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/invalid-filter"));
    }

    @Test
    void acceptsChannelsAsAreasAndBlankFiltersAsNone() {
        given().queryParam("area", "stable").queryParam("arch", "amd64").queryParam("version", "4593.2.5")
                .get("/api/v1/artifacts").then().statusCode(200);
        given().queryParam("version", " ").queryParam("area", "").get("/api/v1/artifacts").then().statusCode(200);
    }

    @Test
    void pagesThroughResultsInPathOrder() {
        given().queryParam("version", PLUS).queryParam("size", 3).queryParam("page", 2).get("/api/v1/artifacts")
                .then().statusCode(200).body("page", equalTo(2)).body("size", equalTo(3))
                .body("total", equalTo(7)).body("items", hasSize(1));
        given().queryParam("size", 501).get("/api/v1/artifacts").then().statusCode(400)
                .body("type", equalTo("https://kiln.dev/problems/invalid-page"));
        for (String query : java.util.List.of("page=abc", "size=12345678901234567890", "page=2147483647")) {
            given().get("/api/v1/artifacts?" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://kiln.dev/problems/invalid-page"));
            given().get("/api/v1/gc/runs?" + query).then().statusCode(400)
                    .body("type", equalTo("https://kiln.dev/problems/invalid-page"));
        }
    }

    @Test
    void answersOnePathWithItsDigestsAndWhoStoredIt() {
        given().get("/api/v1/artifacts/" + FILES.get(1)).then().statusCode(200)
                .body("path", equalTo(FILES.get(1))).body("url", equalTo("/cache/" + FILES.get(1)))
                .body("area", equalTo("containers")).body("version", equalTo(PLUS))
                .body("size", equalTo(3)).body("sha256", equalTo(
                        "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81"))
                .body("uploadedBy", equalTo("builder")).body("generated", equalTo(false));
        given().get("/api/v1/artifacts/images/amd64/" + PLUS + "/nothing-here").then().statusCode(404)
                .body("type", equalTo("https://kiln.dev/problems/artifact-not-found"));
    }
}
