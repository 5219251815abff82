package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.cli.output.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contexts survive a round trip through the config file, overrides win, and the token is never shown. */
class ContextTest {

    @TempDir
    Path home;
    FakeKiln kiln;
    CliRun cli;
    final List<CliRun.Result> everything = new ArrayList<>();

    @BeforeEach
    void start() {
        kiln = new FakeKiln();
        kiln.json("GET", "/api/v1/versions/parse", 200, Documents.PARSED);
        cli = new CliRun(home);
    }

    @AfterEach
    void tokenWasNeverPrinted() {
        kiln.close();
        assertThat(everything).allSatisfy(result -> assertThat(result.out() + result.err()).doesNotContain(CliRun.TOKEN));
    }

    private CliRun.Result run(CliRun on, String... args) {
        CliRun.Result result = on.run(args);
        everything.add(result);
        return result;
    }

    @Test
    void setContextRoundTripsAndGetContextsShowsTheTokenFileNotTheToken() throws IOException {
        Path tokenFile = Files.writeString(home.resolve("prod.token"), CliRun.TOKEN);
        assertThat(run(cli, "config", "set-context", "prod", "--version-service", kiln.url(), "--build-runner",
                "https://br.example", "--artifact-service", "https://as.example", "--release-service",
                "https://rs.example", "--token-file", tokenFile.toString()).exitCode()).isZero();
        assertThat(run(cli, "config", "set-context", "other", "--version-service", "http://x").exitCode()).isZero();

        String file = Files.readString(home.resolve("config"));
        assertThat(Json.parse(file).path("currentContext").asText()).isEqualTo("prod");
        assertThat(file).contains("https://br.example", tokenFile.toString()).doesNotContain(CliRun.TOKEN);

        CliRun.Result table = run(cli, "config", "get-contexts");
        assertThat(table.out()).containsPattern("(?m)^\\*\\s+prod\\s+" + kiln.url()).containsPattern("(?m)^\\s+other\\s");
        var json = Json.parse(run(cli, "config", "get-contexts", "-o", "json").out());
        assertThat(json.path("contexts").path("prod").path("buildRunner").asText()).isEqualTo("https://br.example");
        assertThat(run(cli, "config", "get-contexts", "-o", "yaml").out()).contains("tokenFile: " + tokenFile);

        assertThat(run(cli, "version", "parse", "stable-4593.2.5").exitCode()).isZero();
        assertThat(kiln.last().header("Authorization")).isEqualTo("Bearer " + CliRun.TOKEN);

        // changing one URL keeps the others
        run(cli, "config", "set-context", "prod", "--build-runner", "https://br2.example");
        assertThat(Files.readString(home.resolve("config"))).contains("https://br2.example", "https://as.example");
    }

    @Test
    void aConfigWrittenInYamlByHandIsReadAndKeptWhenChanged() throws IOException {
        Files.writeString(home.resolve("config"), """
                # written by hand
                currentContext: mine
                contexts:
                  mine:
                    versionService: %s
                """.formatted(kiln.url()));
        assertThat(run(cli, "version", "parse", "4593.2.5").exitCode()).isZero();
        run(cli, "config", "set-context", "other", "--version-service", "http://x");
        assertThat(Json.parse(Files.readString(home.resolve("config"))).at("/contexts/mine/versionService").asText())
                .isEqualTo(kiln.url());
    }

    @Test
    void useContextSwitchesAndAnUnknownOneIsNotFound() {
        run(cli, "config", "set-context", "a", "--version-service", kiln.url());
        run(cli, "config", "set-context", "b", "--version-service", "http://127.0.0.1:1");
        assertThat(run(cli, "config", "current-context").out().strip()).isEqualTo("a");
        assertThat(run(cli, "config", "use-context", "b").exitCode()).isZero();
        assertThat(run(cli, "config", "current-context").out().strip()).isEqualTo("b");
        assertThat(run(cli, "config", "use-context", "nope").exitCode()).isEqualTo(3);
        assertThat(run(cli, "config", "delete-context", "b").exitCode()).isZero();
        assertThat(run(cli, "config", "get-contexts").out()).doesNotContainPattern("(?m)^\\S*\\s+b\\s");
    }

    @Test
    void kilnContextAndContextOptionOverrideTheCurrentContext() {
        run(cli, "config", "set-context", "good", "--version-service", kiln.url());
        run(cli, "config", "set-context", "dead", "--version-service", "http://127.0.0.1:1");
        run(cli, "config", "use-context", "dead");
        assertThat(run(cli, "version", "parse", "4593.2.5").exitCode()).isEqualTo(6);
        cli.env.put("KILN_CONTEXT", "good");
        assertThat(run(cli, "version", "parse", "4593.2.5").exitCode()).isZero();
        assertThat(run(cli, "--context", "dead", "version", "parse", "4593.2.5").exitCode()).isEqualTo(6);
        assertThat(run(cli, "--context", "missing", "version", "parse", "4593.2.5").exitCode()).isEqualTo(2);
    }

    @Test
    void kilnTokenOverridesTheTokenFile() throws IOException {
        Path tokenFile = Files.writeString(home.resolve("t"), "from-file");
        run(cli, "config", "set-context", "c", "--version-service", kiln.url(), "--token-file", tokenFile.toString());
        cli.env.put("KILN_TOKEN", CliRun.TOKEN);
        run(cli, "version", "parse", "4593.2.5");
        assertThat(kiln.last().header("Authorization")).isEqualTo("Bearer " + CliRun.TOKEN);
    }

    @Test
    void useLocalReadsTheStacksUrlsAndAdminTokenPath() throws IOException {
        Path data = Files.createDirectories(home.resolve("data"));
        Files.writeString(data.resolve("stack.env"), """
                KILN_STACK_PID=42
                KILN_VERSION_SERVICE_URL=%s
                KILN_BUILD_RUNNER_URL=http://127.0.0.1:8082
                KILN_ARTIFACT_SERVICE_URL=http://127.0.0.1:8083
                KILN_RELEASE_SERVICE_URL=http://127.0.0.1:8084
                KILN_PIDS="1 2 3"
                """.formatted(kiln.url()));
        Files.writeString(data.resolve("admin.token"), CliRun.TOKEN + "\n");
        CliRun.Result result = run(cli, "config", "use-local", "--data-dir", data.toString());
        assertThat(result.exitCode()).isZero();
        var config = Json.parse(Files.readString(home.resolve("config")));
        assertThat(config.path("currentContext").asText()).isEqualTo("local");
        assertThat(config.at("/contexts/local/buildRunner").asText()).isEqualTo("http://127.0.0.1:8082");
        assertThat(config.at("/contexts/local/tokenFile").asText()).isEqualTo(data.resolve("admin.token").toString());
        run(cli, "version", "parse", "4593.2.5");
        assertThat(kiln.last().header("Authorization")).isEqualTo("Bearer " + CliRun.TOKEN);

        assertThat(run(cli, "config", "use-local", "--data-dir", home.resolve("none").toString()).exitCode())
                .isEqualTo(2);
    }
}
