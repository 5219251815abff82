package dev.kiln.runner.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.runner.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile request of the corpus {@code bad-input/build-runner.jsonl} gets a 4xx problem+json of the stable
 * type the corpus names, and leaves every table of the service's schema (the inbox aside: Kafka fills it in the background) as it was (issue 13). Add a line to the
 * corpus to add a case.
 */
@QuarkusTest
class BadInputCorpusTest {

    private static final String CORPUS = "/bad-input/build-runner.jsonl";
    private static final String SCHEMA = "build_runner";
    private static final Map<String, String> TOKENS = Map.of("builder", Api.BUILDER, "releaser", "test-releaser-token");

    @TestHTTPResource("/")
    URL base;

    static List<BadInputCase> corpus() {
        try {
            return BadInputCase.read(CORPUS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblemOfAStableTypeAndChangesNothing(BadInputCase hostile) throws Exception {
        awaitNoUnfinishedBuilds();
        Map<String, Long> before = TableRows.of(SCHEMA);

        RawHttp.Answer answer = RawHttp.send(base.getPort(), hostile.head(TOKENS), hostile.bodyBytes());

        assertThat(answer.status()).as("%s answered %s", hostile, answer.body()).isEqualTo(hostile.status());
        assertThat(answer.header("Content-Type")).as(hostile.name()).startsWith("application/problem+json");
        assertThat(answer.body()).as(hostile.name())
                .contains("\"type\":\"https://kiln.dev/problems/" + hostile.type() + "\"")
                .contains("\"status\":" + hostile.status());
        assertThat(TableRows.of(SCHEMA)).as("rows per table after " + hostile).isEqualTo(before);
    }

    /** Builds of other test classes still running write step rows and events: wait until none runs. */
    private static void awaitNoUnfinishedBuilds() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3)).until(() ->
                io.restassured.RestAssured.given().get("/api/v1/builds?state=running&size=1").then().extract().jsonPath().getLong("total") == 0
                        && io.restassured.RestAssured.given().get("/api/v1/builds?state=requested&size=1").then().extract().jsonPath().getLong("total") == 0);
    }

    @Test
    void theCorpusCoversEveryClassOfIssue13WithAtLeastFortyCases() {
        List<BadInputCase> cases = corpus();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).extracting(BadInputCase::status).allMatch(status -> status >= 400 && status < 500);
        assertThat(cases).extracting(BadInputCase::type).contains("invalid-page", "malformed-json", "validation",
                "invalid-uri", "uri-too-long", "headers-too-large", "body-too-large", "invalid-attempt");
    }
}
