package dev.kiln.version.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.KilnServicesResource;
import dev.kiln.version.support.Api;
import dev.kiln.version.support.ScriptsRepoResource;
import io.quarkus.test.common.QuarkusTestResource;
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
 * Every hostile request of the corpus {@code bad-input/version-service.jsonl} gets a 4xx problem+json of the stable
 * type the corpus names, and leaves every table of the service's schema as it was (issue 13). Add a line to the
 * corpus to add a case.
 */
@QuarkusTest
@QuarkusTestResource(KilnServicesResource.class)
@QuarkusTestResource(ScriptsRepoResource.class)
class BadInputCorpusTest {

    private static final String CORPUS = "/bad-input/version-service.jsonl";
    private static final String SCHEMA = "version_service";
    private static final Map<String, String> TOKENS = Map.of("builder", Api.BUILDER, "releaser", Api.RELEASER, "admin", Api.ADMIN);

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
        Map<String, Long> before = TableRows.of(SCHEMA);

        RawHttp.Answer answer = RawHttp.send(base.getPort(), hostile.head(TOKENS), hostile.bodyBytes());

        assertThat(answer.status()).as("%s answered %s", hostile, answer.body()).isEqualTo(hostile.status());
        assertThat(answer.header("Content-Type")).as(hostile.name()).startsWith("application/problem+json");
        assertThat(answer.body()).as(hostile.name())
                .contains("\"type\":\"https://kiln.dev/problems/" + hostile.type() + "\"")
                .contains("\"status\":" + hostile.status());
        assertThat(TableRows.of(SCHEMA)).as("rows per table after " + hostile).isEqualTo(before);
    }

    @Test
    void theCorpusCoversEveryClassOfIssue13WithAtLeastFortyCases() {
        List<BadInputCase> cases = corpus();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).extracting(BadInputCase::status).allMatch(status -> status >= 400 && status < 500);
        assertThat(cases).extracting(BadInputCase::type).contains("invalid-page", "malformed-json", "validation",
                "invalid-uri", "uri-too-long", "headers-too-large", "body-too-large", "version-without-channel");
    }
}
