package dev.kiln.release.api;

import static dev.kiln.release.testing.Api.PROBLEMS;
import static dev.kiln.release.testing.Api.RELEASER;
import static dev.kiln.release.testing.Api.RELEASER2;
import static dev.kiln.release.testing.Api.TESTER;
import static dev.kiln.release.testing.Api.body;
import static dev.kiln.release.testing.Api.decide;
import static dev.kiln.release.testing.Api.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.kiln.release.service.Candidates;
import dev.kiln.release.testing.Builds;
import dev.kiln.testing.KilnServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading releases, their transitions and their gates; reads need no token. */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
class ReleaseQueriesApiTest {

    @Inject
    Candidates candidates;

    @Test
    void listsReleasesOfAChannelNewestFirstInPages() {
        for (String v : List.of("4081.3.10", "4081.3.12", "4081.3.11")) {
            candidates.buildSucceeded(Builds.succeeded(v));
        }

        List<String> all = given().queryParam("channel", "lts").queryParam("size", 500).get("/api/v1/releases").then()
                .statusCode(200).body("items[0].transitions", nullValue()).extract().path("items.version");

        assertThat(all).containsSubsequence("4081.3.12", "4081.3.11", "4081.3.10").allMatch(v -> v.matches("\\d+\\.3\\.\\d+"));
        assertThat(all).isSortedAccordingTo(java.util.Comparator.comparing(dev.kiln.flatcar.Version::parse,
                dev.kiln.flatcar.Version.BY_NUMBER).reversed());
        given().queryParam("channel", "lts").queryParam("size", 2).queryParam("page", 1).get("/api/v1/releases").then()
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(all.size()))
                .body("items.version", equalTo(all.subList(2, Math.min(4, all.size()))));
    }

    @Test
    void filtersByState() {
        candidates.buildSucceeded(Builds.succeeded("4081.3.13"));
        report(TESTER, "4081.3.13", body("suite", "kola", "arch", "amd64", "vendor", "ami", "result", "failed")).statusCode(201);
        report(TESTER, "4081.3.13", body("suite", "kola", "arch", "amd64", "vendor", "ami", "result", "failed")).statusCode(201);

        given().queryParam("channel", "lts").queryParam("state", "rejected").get("/api/v1/releases").then().statusCode(200)
                .body("items.version", contains("4081.3.13")).body("items[0].state", equalTo("rejected"));
    }

    @Test
    void oneReleaseCarriesItsTransitions() {
        candidates.buildSucceeded(Builds.succeeded("4230.3.2", List.of("amd64"), List.of("qemu_uefi")));
        report(TESTER, "4230.3.2", body("suite", "kola", "arch", "amd64", "vendor", "qemu_uefi", "result", "passed")).statusCode(201);
        report(TESTER, "4230.3.2", body("suite", "qemu_update", "arch", "amd64", "result", "passed")).statusCode(201);
        decide(RELEASER, "4230.3.2", "approve", "go").statusCode(201);
        decide(RELEASER2, "4230.3.2", "approve", "go too").statusCode(201);

        given().get("/api/v1/releases/4230.3.2").then().statusCode(200)
                .body("version", equalTo("4230.3.2")).body("channel", equalTo("lts")).body("state", equalTo("ready"))
                .body("sdkVersion", equalTo("4593.0.0")).body("commit", equalTo(Builds.COMMIT)).body("vendors", contains("qemu_uefi"))
                .body("transitions.from", contains(null, "candidate"))
                .body("transitions.to", contains("candidate", "ready"))
                .body("transitions[1].actor", equalTo("releaser2"))
                .body("transitions[1].reason", equalTo("every gate holds"));
    }

    @Test
    void gatesListEveryRequirementWithItsEvidence() {
        candidates.buildSucceeded(Builds.succeeded("4593.1.0"));
        report(TESTER, "4593.1.0", body("suite", "kola", "arch", "amd64", "vendor", "ami", "result", "failed",
                "reportId", "k-1", "detailsUrl", "https://ci.example.org/k-1")).statusCode(201);
        decide(RELEASER, "4593.1.0", "approve", "looks good").statusCode(201);

        given().get("/api/v1/releases/4593.1.0/gates").then().statusCode(200)
                .body("version", equalTo("4593.1.0")).body("channel", equalTo("beta")).body("state", equalTo("candidate"))
                .body("verdict", equalTo("pending"))
                .body("requirements.kind", contains("suite", "suite", "suite", "suite", "suite", "suite", "soak", "approvals"))
                .body("requirements[0].suite", equalTo("kola")).body("requirements[0].arch", equalTo("amd64"))
                .body("requirements[0].vendor", equalTo("qemu_uefi")).body("requirements[0].status", equalTo("missing"))
                .body("requirements[1].vendor", equalTo("ami")).body("requirements[1].status", equalTo("waiting"))
                .body("requirements[1].flakeAttempts", equalTo(2))
                .body("requirements[1].attempts", hasSize(1))
                .body("requirements[1].attempts[0].reportId", equalTo("k-1"))
                .body("requirements[1].attempts[0].result", equalTo("failed"))
                .body("requirements[1].attempts[0].detailsUrl", equalTo("https://ci.example.org/k-1"))
                .body("requirements[4].suite", equalTo("qemu_update")).body("requirements[4].vendor", nullValue())
                .body("requirements[6].status", equalTo("missing")).body("requirements[6].minimum", equalTo("PT336H"))
                .body("requirements[6].remaining", equalTo("PT336H"))
                .body("requirements[7].status", equalTo("satisfied")).body("requirements[7].required", equalTo(1))
                .body("requirements[7].counted", contains("releaser"))
                .body("requirements[7].decisions[0].comment", equalTo("looks good"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/releases/4081.3.99|404|release-not-found",
            "/api/v1/releases/not-a-version|404|release-not-found",
            "/api/v1/releases/4081.3.99/gates|404|release-not-found",
            "/api/v1/releases?channel=gamma|400|invalid-filter",
            "/api/v1/releases?state=shipped|400|invalid-filter",
            "/api/v1/releases?page=abc|400|invalid-page",
            "/api/v1/releases?size=0|400|invalid-page",
    })
    void badReadsAreProblems(String path, int status, String type) {
        given().get(path).then().statusCode(status).contentType("application/problem+json").body("type", equalTo(PROBLEMS + type));
    }
}
