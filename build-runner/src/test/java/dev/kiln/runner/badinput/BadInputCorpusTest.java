package dev.kiln.runner.badinput;

import static org.awaitility.Awaitility.await;

import dev.kiln.runner.support.Api;
import dev.kiln.testing.badinput.BadInputCase;
import dev.kiln.testing.badinput.BadInputCorpusContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** build-runner's bad-input suite: the corpus {@code bad-input/build-runner.jsonl}. */
@QuarkusTest
class BadInputCorpusTest extends BadInputCorpusContract {

    static List<BadInputCase> corpus() {
        return BadInputCase.read("/bad-input/build-runner.jsonl");
    }

    @Override
    protected List<BadInputCase> cases() {
        return corpus();
    }

    @Override
    protected String schema() {
        return "build_runner";
    }

    @Override
    protected Map<String, String> tokens() {
        return Map.of("builder", Api.BUILDER, "releaser", "test-releaser-token");
    }

    @Override
    protected Set<String> typesTheCorpusMustCover() {
        return Set.of("invalid-page", "malformed-json", "validation", "invalid-uri", "uri-too-long",
                "headers-too-large", "body-too-large", "invalid-attempt");
    }

    /** Kafka fills the inbox in the background. */
    @Override
    protected Set<String> ignoredTables() {
        return Set.of("kiln_inbox");
    }

    /** Builds of other test classes still running write step rows and events: wait until none runs. */
    @Override
    protected void awaitQuiet() {
        await().atMost(Duration.ofMinutes(3)).until(() -> unfinished("running") == 0 && unfinished("requested") == 0);
    }

    private static long unfinished(String state) {
        return RestAssured.given().get("/api/v1/builds?state=" + state + "&size=1").then().extract().jsonPath()
                .getLong("total");
    }
}
