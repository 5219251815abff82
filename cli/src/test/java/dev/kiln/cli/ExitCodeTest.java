package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A refusal ends with its title and detail on one stderr line and the exit code its status stands for. */
class ExitCodeTest extends AgainstFakeKiln {

    @ParameterizedTest
    @CsvSource({
        "400, malformed-version, 4",
        "401, unauthenticated, 5",
        "403, forbidden, 5",
        "404, version-not-found, 3",
        "409, version-already-allocated, 4",
        "422, illegal-version-request, 4",
        "500, internal, 1",
        "503, allocation-busy, 1"})
    void statusMapsToExitCode(int status, String slug, int exitCode) {
        kiln.on("GET", "/api/v1/versions/stable-4593.2.5",
                FakeKiln.problem(status, slug, "Title " + status, "what went wrong"));
        CliRun.Result result = cli.run("version", "show", "stable-4593.2.5");
        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.err()).isEqualTo("kiln: Title " + status + ": what went wrong" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void validationErrorsNameTheirFields() {
        kiln.on("POST", "/api/v1/versions", FakeKiln.reply(400, "application/problem+json", """
                {"type":"https://kiln.dev/problems/validation","title":"Invalid request","status":400,
                 "detail":"the request has invalid fields","errors":[{"field":"suffix","message":"is required"}]}"""));
        CliRun.Result result = cli.run("version", "allocate", "--kind", "dev");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err().strip())
                .isEqualTo("kiln: Invalid request: the request has invalid fields (suffix: is required)");
    }

    @Test
    void anAnswerThatIsNoProblemNamesStatusAndUrl() {
        kiln.on("GET", "/api/v1/builds/b1", FakeKiln.reply(502, "text/html", "<html>bad gateway</html>"));
        CliRun.Result result = cli.run("build", "show", "b1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("kiln: HTTP 502 from GET " + kiln.url() + "/api/v1/builds/b1");
    }

    @Test
    void anUnreachableServerIsSixAndNamesTheUrlTried() {
        FakeKiln closed = new FakeKiln();
        String url = closed.url();
        closed.close();
        CliRun.Result result = CliRun.against(home, url).run("version", "parse", "4593.2.5");
        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).startsWith("kiln: cannot reach GET " + url + "/api/v1/versions/parse?value=4593.2.5")
                .hasLineCount(1);
    }

    @Test
    void noContextIsAUsageError() {
        CliRun.Result result = new CliRun(home.resolve("empty")).run("build", "list");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("kiln config use-local");
    }
}
