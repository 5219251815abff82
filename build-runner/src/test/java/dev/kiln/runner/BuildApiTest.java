package dev.kiln.runner;

import static dev.kiln.runner.support.Api.BUILDER;
import static dev.kiln.runner.support.Api.awaitState;
import static dev.kiln.runner.support.Api.create;
import static dev.kiln.runner.support.Api.nightly;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.kiln.runner.support.FakeVersionService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REST contract: validation, roles, idempotency, paging, conflicts, pipelines. */
@QuarkusTest
class BuildApiTest {

    private static final Duration LONG = Duration.ofSeconds(120);

    @Inject
    FakeVersionService versions;

    @Test
    void createsABuildWithItsExpandedStepRunsBeforeItHasAVersion() {
        given().auth().oauth2(BUILDER).contentType(ContentType.JSON)
                .body(nightly("os", List.of("amd64", "arm64"), List.of("qemu_uefi", "gce")))
                .post("/api/v1/builds")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/builds/"))
                .body("pipeline", equalTo("os"))
                .body("pipelineDigest", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("requestedBy", equalTo("builder"))
                .body("steps.run", hasItems("packages-amd64", "vms-amd64-gce", "tests-arm64-qemu_uefi"))
                .body("steps.run", org.hamcrest.Matchers.not(hasItem("vms-arm64-gce")))
                .body("steps.state", everyItem(equalTo("pending")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"pipeline\":\"nope\",\"kind\":\"nightly\",\"branch\":\"main\",\"arches\":[\"amd64\"]}            | 422 | unknown-pipeline",
            "{\"pipeline\":\"os\",\"kind\":\"nightly\",\"branch\":\"main\",\"arches\":[\"riscv\"]}              | 422 | invalid-arch",
            "{\"pipeline\":\"os\",\"kind\":\"nightly\",\"branch\":\"main\",\"arches\":[\"arm64\"],\"vendors\":[\"gce\"]} | 422 | vendor-unsupported",
            "{\"pipeline\":\"os\",\"kind\":\"weekly\",\"branch\":\"main\",\"arches\":[\"amd64\"]}              | 422 | invalid-kind",
            "{\"pipeline\":\"os\",\"tag\":\"4799.0.0\",\"arches\":[\"amd64\"]}                                  | 422 | invalid-tag",
            "{\"pipeline\":\"sysext\",\"kind\":\"dev\",\"suffix\":\"x\",\"arches\":[\"amd64\"]}          | 422 | missing-parameter",
            "{\"pipeline\":\"os\",\"kind\":\"alpha\",\"branch\":\"main\",\"arches\":[\"amd64\"]}               | 422 | invalid-version-request",
            "{\"pipeline\":\"os\",\"kind\":\"promotion\",\"arches\":[\"amd64\"]}                               | 422 | invalid-version-request",
            "{\"pipeline\":\"os\",\"kind\":\"dev\",\"branch\":\"main\",\"arches\":[\"amd64\"]}                 | 422 | invalid-version-request",
            "{\"pipeline\":\"os\",\"tag\":\"sdk-3199.0.0-nightly-20220404-0140\",\"arches\":[\"amd64\"]}        | 422 | invalid-tag",
            "{\"pipeline\":\"os\",\"kind\":\"nightly\",\"branch\":\"main\",\"arches\":[\"amd64\"],\"params\":{\"x\":\"1\"}} | 422 | unknown-parameter",
            "{\"pipeline\":\"os\",\"kind\":\"nightly\",\"branch\":\"main\",\"arches\":[]}                        | 400 | validation",
            "{\"pipeline\":\"os\",\"kind\":\"nightly\",\"branch\":\"main\",\"arches\":\"amd64\"}                  | 400 | malformed-json",
            "{\"pipeline\":\"os\",\"tag\":\"stable-4593.2.5\",\"kind\":\"nightly\",\"arches\":[\"amd64\"]}     | 422 | tag-and-version-request",
            "{\"pipeline\":\"os\",\"kind\":\"nightly\",\"arches\":[\"amd64\"]} {\"kind\":\"alpha\"}           | 400 | malformed-json"})
    void rejectsABadRequestWithAProblemAndStoresNothing(String body, int status, String slug) {
        long before = total();

        given().auth().oauth2(BUILDER).contentType(ContentType.JSON).body(body).post("/api/v1/builds")
                .then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://kiln.dev/problems/" + slug));

        assertThat(total()).isEqualTo(before);
    }

    private static long total() {
        return given().get("/api/v1/builds?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void needsTheBuilderRoleToStartABuild() {
        given().contentType(ContentType.JSON).body(nightly("os", List.of("amd64"), List.of()))
                .post("/api/v1/builds").then().statusCode(401);
        given().auth().oauth2("test-releaser-token").contentType(ContentType.JSON)
                .body(nightly("os", List.of("amd64"), List.of())).post("/api/v1/builds")
                .then().statusCode(403).body("type", equalTo("https://kiln.dev/problems/forbidden"));
    }

    @Test
    void answersARetriedCreateWithTheFirstBuild() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = nightly("quick", List.of("amd64"), List.of());

        String first = given().auth().oauth2(BUILDER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/builds").then().statusCode(201).extract().path("id");
        String again = given().auth().oauth2(BUILDER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/builds").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/builds/" + first)).extract().path("id");
        given().auth().oauth2(BUILDER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(nightly("quick", List.of("arm64"), List.of())).post("/api/v1/builds")
                .then().statusCode(422).body("type", equalTo("https://kiln.dev/problems/idempotency-key-reused"));

        assertThat(again).isEqualTo(first);
        awaitState(first, "succeeded", LONG);
    }

    @Test
    void retriesTheVersionAllocationWhileVersionServiceIsUnavailable() {
        versions.failNext(4);

        String id = create(nightly("quick", List.of("amd64"), List.of()));

        assertThat(awaitState(id, "succeeded", LONG).getString("tag")).startsWith("main-");
    }

    @Test
    void aBuildWhoseVersionIsRefusedFailsAtOnceWithBlockedStepsAndThePostSaysWhy() {
        Map<String, Object> body = Map.of("pipeline", "quick", "tag", "main-4799.0.0-nightly-20260821-2100-gone",
                "arches", List.of("amd64"));

        String id = given().auth().oauth2(BUILDER).contentType(ContentType.JSON).body(body).post("/api/v1/builds")
                .then().statusCode(201)
                .body("state", equalTo("failed"))
                .body("reason", equalTo("version-allocation-failed: version-service does not know tag "
                        + "main-4799.0.0-nightly-20260821-2100-gone"))
                .body("steps.state", everyItem(equalTo("blocked")))
                .extract().path("id");

        given().get("/api/v1/builds/" + id).then().statusCode(200)
                .body("state", equalTo("failed"))
                .body("steps.reason", everyItem(org.hamcrest.Matchers.startsWith("no version: version-allocation-failed")));
        given().auth().oauth2(BUILDER).post("/api/v1/builds/" + id + "/resume").then().statusCode(200)
                .body("state", equalTo("requested"))
                .body("steps.state", everyItem(equalTo("pending")));
        awaitState(id, "failed", LONG);
    }

    @Test
    void listsBuildsNewestFirstFilteredByStateAndTag() {
        String id = create(nightly("quick", List.of("amd64"), List.of()));
        String tag = awaitState(id, "succeeded", LONG).getString("tag");

        given().get("/api/v1/builds?tag=" + tag).then().statusCode(200)
                .body("items.id", contains(id)).body("total", equalTo(1));
        given().get("/api/v1/builds?state=succeeded&size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("size", equalTo(1)).body("page", equalTo(0));
        given().get("/api/v1/builds?state=exploded").then().statusCode(400)
                .body("type", equalTo("https://kiln.dev/problems/invalid-state"));
        given().get("/api/v1/builds?page=-1").then().statusCode(400)
                .body("type", equalTo("https://kiln.dev/problems/invalid-page"));
        given().get("/api/v1/builds?size=0").then().statusCode(400)
                .body("type", equalTo("https://kiln.dev/problems/invalid-page"));
        given().get("/api/v1/builds?size=501").then().statusCode(400);
        for (String query : List.of("page=abc", "size=12345678901234567890", "page=2147483647")) {
            given().get("/api/v1/builds?" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://kiln.dev/problems/invalid-page"));
            given().get("/api/v1/pipelines?" + query).then().statusCode(400)
                    .body("type", equalTo("https://kiln.dev/problems/invalid-page"));
        }
    }

    @Test
    void refusesToCancelAFinishedBuildOrResumeOneThatDidNotFail() {
        String id = create(nightly("quick", List.of("amd64"), List.of()));
        awaitState(id, "succeeded", LONG);

        given().auth().oauth2(BUILDER).post("/api/v1/builds/" + id + "/cancel").then().statusCode(409)
                .body("type", equalTo("https://kiln.dev/problems/build-finished"));
        given().auth().oauth2(BUILDER).post("/api/v1/builds/" + id + "/resume").then().statusCode(409)
                .body("type", equalTo("https://kiln.dev/problems/build-not-resumable"));
        given().get("/api/v1/builds/nosuchbuild").then().statusCode(404)
                .body("type", equalTo("https://kiln.dev/problems/build-not-found"));
        given().get("/api/v1/builds/" + id + "/steps/nosuchstep/log").then().statusCode(404)
                .body("type", equalTo("https://kiln.dev/problems/step-run-not-found"));
    }

    @Test
    void servesStepLogsByRunOrBySingleRunStepName() {
        String id = create(nightly("quick", List.of("amd64"), List.of()));
        awaitState(id, "succeeded", LONG);

        org.awaitility.Awaitility.await().atMost(LONG).until(() -> given().get("/api/v1/builds/" + id
                + "/steps/prepare/log").statusCode() == 200);
        given().get("/api/v1/builds/" + id + "/steps/build-amd64/log").then().statusCode(200)
                .body(containsString("quick step build-amd64"));
        given().get("/api/v1/builds/" + id + "/steps/build-amd64/log?attempt=2").then().statusCode(404);
    }

    @Test
    void describesThePipelines() {
        given().get("/api/v1/pipelines").then().statusCode(200)
                .body("items.name", hasItems("full", "os", "sysext", "quick"));
        given().get("/api/v1/pipelines/full").then().statusCode(200)
                .body("steps.name", contains("sdk_bootstrap", "sdk_container", "packages", "push_pkgs", "image", "vms",
                        "tests"))
                .body("steps.find { it.name == 'packages' }.image", equalTo("${params.hostImage}"))
                .body("steps.find { it.name == 'image' }.pod.privileged", equalTo(true))
                .body("steps.find { it.name == 'image' }.pod.dockerDaemon", equalTo(true));
        given().get("/api/v1/pipelines/nope").then().statusCode(404)
                .body("type", equalTo("https://kiln.dev/problems/pipeline-not-found"));
    }
}
