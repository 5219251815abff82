package dev.kiln.runner.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The build-runner's REST API as tests drive it. */
public final class Api {

    public static final String BUILDER = "test-builder-token";

    private Api() {
    }

    /** POSTs a build and returns its id. */
    public static String create(Map<String, Object> body) {
        return given().auth().oauth2(BUILDER).contentType(ContentType.JSON).body(body)
                .post("/api/v1/builds").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> nightly(String pipeline, List<String> arches, List<String> vendors) {
        return Map.of("pipeline", pipeline, "kind", "nightly", "branch", "main", "arches", arches, "vendors", vendors);
    }

    public static JsonPath get(String id) {
        return given().get("/api/v1/builds/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the build is in {@code state} and returns it. */
    public static JsonPath awaitState(String id, String state, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> state.equals(get(id).getString("state")));
        return get(id);
    }

    /** Waits until step run {@code run} of the build is in {@code state}. */
    public static JsonPath awaitRun(String id, String run, String state, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> state.equals(runOf(get(id), run).get("state")));
        return get(id);
    }

    public static Map<String, Object> runOf(JsonPath build, String run) {
        List<Map<String, Object>> steps = build.getList("steps");
        return steps.stream().filter(s -> run.equals(s.get("run"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step run " + run + " in " + steps));
    }

    public static Response log(String id, String run) {
        return given().get("/api/v1/builds/" + id + "/steps/" + run + "/log");
    }
}
