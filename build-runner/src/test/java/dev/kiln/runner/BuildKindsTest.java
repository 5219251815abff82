package dev.kiln.runner;

import static dev.kiln.runner.support.Api.BUILDER;
import static dev.kiln.runner.support.Api.create;
import static dev.kiln.runner.support.Api.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.flatcar.VersionRequest;
import dev.kiln.runner.support.FakeVersionService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A build of every version kind is accepted and gets its version: the request that reaches the fake
 * version-service passes version-service's own field rules (the fake refuses it otherwise, and the build fails).
 */
@QuarkusTest
class BuildKindsTest {

    @Inject
    FakeVersionService versions;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "nightly   | -    | -                  | -    | -                  | main-",
            "alpha     | -    | -                  | -    | -                  | alpha-",
            "promotion | -    | alpha-4790.0.1     | beta | -                  | beta-",
            "patch     | -    | stable-4593.2.5    | -    | -                  | stable-",
            "dev       | -    | -                  | -    | fix-nvidia-drivers | main-"})
    void startsABuildOfEveryKindWithARequestVersionServiceAccepts(String kind, String branch, String from, String to,
            String suffix, String tagPrefix) {
        Map<String, Object> body = new HashMap<>(Map.of("pipeline", "quick", "kind", kind, "arches", List.of("amd64")));
        putIfSet(body, "branch", branch);
        putIfSet(body, "from", from);
        putIfSet(body, "to", to);
        putIfSet(body, "suffix", suffix);

        String id = create(body);
        JsonPath build = awaitVersioned(id);

        assertThat(build.getString("state")).isIn("running", "succeeded");
        assertThat(build.getString("tag")).startsWith(tagPrefix);
        VersionRequest received = versions.requestOfBuild(id).orElseThrow();
        assertThat(received.kind().id()).isEqualTo(kind);
        received.checkFields();
        stop(id);
    }

    private static JsonPath awaitVersioned(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"requested".equals(get(id).getString("state")));
        return get(id);
    }

    /** The builds need not finish: cancelling frees the test's shared step runners for the other tests. */
    private static void stop(String id) {
        given().auth().oauth2(BUILDER).post("/api/v1/builds/" + id + "/cancel");
    }

    private static void putIfSet(Map<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
