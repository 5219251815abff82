package dev.kiln.version.api;

import static dev.kiln.version.support.Api.BUILDER;
import static dev.kiln.version.support.Api.RELEASER;
import static dev.kiln.version.support.Api.VERSIONS;
import static dev.kiln.version.support.Api.allocate;
import static dev.kiln.version.support.Api.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.kiln.testing.KilnServicesResource;
import dev.kiln.version.support.ScriptsRemote;
import dev.kiln.version.support.ScriptsRepoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading versions: parse, one, the list and version.txt at a tag. Reads need no token. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class VersionQueriesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // value                                            | tag                                               | group     | channel | buildId                              | version                                      | dockerVersion
            "lts-4081.3.10,                                      lts-4081.3.10,                                      lts,        lts,      -,                                     4081.3.10,                                     4081.3.10",
            "main-4799.0.0-nightly-20260821-2100-INTERMEDIATE,   main-4799.0.0-nightly-20260821-2100-INTERMEDIATE,   developer,  alpha,    nightly-20260821-2100-INTERMEDIATE,    4799.0.0+nightly-20260821-2100-INTERMEDIATE,   4799.0.0-nightly-20260821-2100-INTERMEDIATE",
            "lts-4081.3.10-nightly-20260821-2100,                lts-4081.3.10-nightly-20260821-2100,                lts,        lts,      nightly-20260821-2100,                 4081.3.10+nightly-20260821-2100,               4081.3.10-nightly-20260821-2100",
            "4799.0.0+nightly-20260821-2100,                     -,                                                  developer,  alpha,    nightly-20260821-2100,                 4799.0.0+nightly-20260821-2100,                4799.0.0-nightly-20260821-2100",
            "4799.0.0-nightly-20260821-2100,                     -,                                                  developer,  alpha,    nightly-20260821-2100,                 4799.0.0+nightly-20260821-2100,                4799.0.0-nightly-20260821-2100",
            "sdk-3199.0.0-nightly-20220404-0140,                 sdk-3199.0.0-nightly-20220404-0140,                 developer,  alpha,    nightly-20220404-0140,                 3199.0.0+nightly-20220404-0140,                3199.0.0-nightly-20220404-0140",
            "stable-4593.2.4-fix-nvidia-drivers-4593,            stable-4593.2.4-fix-nvidia-drivers-4593,            stable,     stable,   fix-nvidia-drivers-4593,               4593.2.4+fix-nvidia-drivers-4593,              4593.2.4-fix-nvidia-drivers-4593",
    })
    void parseTakesTagsAndVersionsApart(String value, String tag, String group, String channel, String buildId, String version,
            String docker) {
        given().queryParam("value", value).get(VERSIONS + "/parse").then().statusCode(200)
                .body("input", equalTo(value))
                .body("tag", equalTo(tag))
                .body("group", equalTo(group))
                .body("channel", equalTo(channel))
                .body("buildId", equalTo(buildId))
                .body("official", equalTo(buildId == null))
                .body("version", equalTo(version))
                .body("dockerVersion", equalTo(docker));
    }

    @Test
    void parseGivesTheNumbersAndVersionId() {
        given().queryParam("value", "stable-4593.2.5").get(VERSIONS + "/parse").then().statusCode(200)
                .body("major", equalTo(4593)).body("minor", equalTo(2)).body("patch", equalTo(5))
                .body("versionId", equalTo("4593.2.5")).body("prefix", equalTo("stable"));
    }

    @Test
    void parseRefusesMalformedInputWithAReason() {
        given().queryParam("value", "stable-4593.2").get(VERSIONS + "/parse").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/malformed-version"))
                .body("detail", equalTo("'4593.2' is not a version MMMM.m.p[+build-id] (e.g. 4593.2.5, 4799.0.0+nightly-20260821-2100)"));
        given().get(VERSIONS + "/parse").then().statusCode(400).body("type", equalTo("https://kiln.dev/problems/malformed-version"));
    }

    @ParameterizedTest
    @CsvSource({"4593.9.0, 9", "stable-4593.4.1, 4", "main-4799.12.0-nightly-20260821-2100, 12"})
    void parseRefusesAMinorThatNamesNoChannel(String value, int minor) {
        given().queryParam("value", value).get(VERSIONS + "/parse").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/version-without-channel"))
                .body("detail", equalTo("minor " + minor + " of '" + value + "' names no Flatcar channel (0 alpha, 1 beta, 2 stable, 3 lts)"));
    }

    @Test
    void getReturnsTheAllocationAndNotFoundOtherwise() {
        String commit = allocate(BUILDER, body("kind", "dev", "branch", "feature/faster-boot", "suffix", "queries-get")).statusCode(201).extract().path("commit");

        given().get(VERSIONS + "/main-4799.0.0-queries-get").then().statusCode(200)
                .body("tag", equalTo("main-4799.0.0-queries-get"))
                .body("commit", equalTo(commit))
                .body("kind", equalTo("dev"))
                .body("status", equalTo("tagged"))
                .body("deletedAt", nullValue());
        given().get(VERSIONS + "/main-4799.0.0-never-allocated").then().statusCode(404)
                .body("type", equalTo("https://kiln.dev/problems/version-not-found"));
        given().get(VERSIONS + "/not-a-tag").then().statusCode(400)
                .body("type", equalTo("https://kiln.dev/problems/malformed-version"));
    }

    @Test
    void listFiltersByGroupBranchOfficialKindAndPages() {
        allocate(BUILDER, body("kind", "dev", "branch", "flatcar-4081", "from", "lts-4081.3.10", "suffix", "queries-list")).statusCode(201);
        allocate(RELEASER, body("kind", "patch", "from", "stable-4628.2.0")).statusCode(201).body("tag", equalTo("stable-4628.2.1"));

        given().queryParam("group", "lts").get(VERSIONS).then().statusCode(200)
                .body("items.tag", hasItem("lts-4081.3.10-queries-list"))
                .body("items.group", everyItem(equalTo("lts")));
        given().queryParam("branch", "flatcar-4628").queryParam("official", "true").get(VERSIONS).then().statusCode(200)
                .body("items.tag", hasItem("stable-4628.2.1"))
                .body("items.official", everyItem(equalTo(true)));
        given().queryParam("branch", "flatcar-4081").queryParam("kind", "dev").queryParam("status", "tagged").get(VERSIONS).then()
                .body("items.tag", hasItem("lts-4081.3.10-queries-list"))
                .body("items.kind", everyItem(equalTo("dev")));
        given().queryParam("size", 1).queryParam("page", 0).get(VERSIONS).then().statusCode(200)
                .body("items", hasSize(1)).body("size", equalTo(1)).body("page", equalTo(0))
                .body("total", greaterThanOrEqualTo(2));
        given().queryParam("size", 1).queryParam("page", 1).get(VERSIONS).then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void listShowsLiveVersionsUnlessAskedForDeletedOnes() {
        allocate(BUILDER, body("kind", "dev", "branch", "feature/faster-boot", "suffix", "queries-gone")).statusCode(201);
        given().auth().oauth2(dev.kiln.version.support.Api.ADMIN).delete(VERSIONS + "/main-4799.0.0-queries-gone").then().statusCode(204);

        given().queryParam("size", 500).get(VERSIONS).then().statusCode(200)
                .body("items.tag", not(hasItem("main-4799.0.0-queries-gone")))
                .body("items.status", everyItem(equalTo("tagged")));
        given().queryParam("status", "deleted").queryParam("size", 500).get(VERSIONS).then().statusCode(200)
                .body("items.tag", hasItem("main-4799.0.0-queries-gone"));
        given().queryParam("status", "all").queryParam("size", 500).get(VERSIONS).then().statusCode(200)
                .body("items.tag", hasItem("main-4799.0.0-queries-gone"));
    }

    @Test
    void listRefusesUnknownFilterValues() {
        given().queryParam("group", "edge").get(VERSIONS).then().statusCode(400).body("type", equalTo("https://kiln.dev/problems/validation"));
        given().queryParam("official", "yes").get(VERSIONS).then().statusCode(400);
        given().queryParam("size", 0).get(VERSIONS).then().statusCode(400).body("type", equalTo("https://kiln.dev/problems/invalid-page"));
        for (String query : java.util.List.of("page=abc", "size=12345678901234567890", "page=2147483647")) {
            given().get(VERSIONS + "?" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://kiln.dev/problems/invalid-page"));
        }
    }

    @Test
    void versionTxtIsTheFileAtTheTagAsPlainText() {
        String file = given().get(VERSIONS + "/main-4799.0.0-nightly-20260821-2100/version.txt").then().statusCode(200)
                .contentType("text/plain;charset=UTF-8").extract().asString();

        assertThat(file).isEqualTo(ScriptsRemote.versionFile("4799.0.0+nightly-20260821-2100", "4799.0.0", "nightly-20260821-2100",
                "4799.0.0+nightly-20260821-2100"));
        given().get(VERSIONS + "/lts-4081.3.10/version.txt").then().statusCode(200)
                .body(equalTo("FLATCAR_VERSION=4081.3.10\nFLATCAR_VERSION_ID=4081.3.10\nFLATCAR_BUILD_ID=\"\"\nFLATCAR_SDK_VERSION=4081.0.0\n"));
        given().get(VERSIONS + "/lts-4081.3.99/version.txt").then().statusCode(404)
                .body("type", equalTo("https://kiln.dev/problems/version-not-found"));
    }

    @Test
    void versionTxtOfAFreshAllocationIsWhatWasCommitted() {
        allocate(BUILDER, body("kind", "dev", "branch", "flatcar-4757", "from", "beta-4757.1.0", "suffix", "queries-file")).statusCode(201);

        given().get(VERSIONS + "/beta-4757.1.0-queries-file/version.txt").then().statusCode(200)
                .body(equalTo(ScriptsRemote.versionFile("4757.1.0+queries-file", "4757.1.0", "queries-file", "4757.0.0")));
    }
}
