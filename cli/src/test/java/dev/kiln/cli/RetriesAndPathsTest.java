package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The cases around the happy path: a step run retried while its log is followed, cp-like local paths. */
class RetriesAndPathsTest extends AgainstFakeKiln {

    private static final String T0 = "2026-08-21T21:00:01Z";

    @Test
    void followingALogAcrossARetryPrintsTheNewAttemptFromItsStart() {
        kiln.on("GET", "/api/v1/builds/b1",
                FakeKiln.reply(200, "application/json",
                        Documents.build("running", Documents.step("tests-amd64", "running", 1, T0, null))),
                FakeKiln.reply(200, "application/json",
                        Documents.build("running", Documents.step("tests-amd64", "running", 2, T0, null))),
                FakeKiln.reply(200, "application/json",
                        Documents.build("running", Documents.step("tests-amd64", "succeeded", 2, T0, T0))));
        kiln.on("GET", "/api/v1/builds/b1/steps/tests-amd64/log",
                FakeKiln.reply(200, "text/plain", "first attempt\n"),
                FakeKiln.reply(200, "text/plain", "second\n"),
                FakeKiln.reply(200, "text/plain", "second\nand more\n"));
        CliRun.Result result = cli.run("logs", "b1", "tests-amd64", "-f");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("first attempt\nsecond\nand more\n");
        assertThat(result.err()).contains("attempt 2 of tests-amd64 started");
    }

    @Test
    void getIntoADirectoryKeepsTheFilesName() throws IOException {
        kiln.json("GET", "/api/v1/artifacts/images/amd64/4593.2.5/version.txt", 404, "{}");
        kiln.on("GET", "/cache/images/amd64/4593.2.5/version.txt",
                FakeKiln.reply(200, "text/plain", "FLATCAR_VERSION=4593.2.5\n"));
        Path directory = Files.createDirectories(home.resolve("downloads"));
        CliRun.Result result = cli.run("cache", "get", "images/amd64/4593.2.5/version.txt", directory.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(directory.resolve("version.txt")).hasContent("FLATCAR_VERSION=4593.2.5");
        assertThat(result.out()).contains("not in the index: not checked");
    }

    @Test
    void getToStdoutWritesOnlyTheBytesThere() {
        kiln.json("GET", "/api/v1/artifacts/a/b.txt", 404, "{}");
        kiln.on("GET", "/cache/a/b.txt", FakeKiln.reply(200, "text/plain", "bytes"));
        CliRun.Result result = cli.run("cache", "get", "a/b.txt", "-");
        assertThat(result.out()).isEqualTo("bytes");
        assertThat(result.err()).contains("a/b.txt -> stdout");
    }

    @Test
    void putOfADirectoryOrAMissingFileIsAUsageError() {
        assertThat(cli.run("cache", "put", home.toString(), "a/").exitCode()).isEqualTo(2);
        CliRun.Result missing = cli.run("cache", "put", home.resolve("nope").toString(), "a/");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("not a file");
        assertThat(kiln.requests).isEmpty();
    }
}
