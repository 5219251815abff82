package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.output.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every command's arguments become the request the API documents: method, path, query, headers and body. */
class CommandParsingTest extends AgainstFakeKiln {

    @Test
    void buildStartSendsTheDocumentedBodyWithAnIdempotencyKeyAndTheToken() {
        kiln.json("POST", "/api/v1/builds", 201, Documents.build("requested"));
        CliRun.Result result = cli.run("build", "start", "--pipeline", "full", "--kind", "nightly",
                "--arch", "amd64,arm64", "--vendor", "qemu_uefi", "--vendor", "qemu", "--param", "hostImage=x:1",
                "--no-skip-cached", "-o", "json");
        assertThat(result.exitCode()).isZero();
        JsonNode body = Json.parse(kiln.last().body());
        assertThat(body.path("pipeline").asText()).isEqualTo("full");
        assertThat(body.path("kind").asText()).isEqualTo("nightly");
        assertThat(body.has("branch")).as("the service defaults a nightly's branch").isFalse();
        assertThat(body.path("arches").toString()).isEqualTo("[\"amd64\",\"arm64\"]");
        assertThat(body.path("vendors").toString()).isEqualTo("[\"qemu_uefi\",\"qemu\"]");
        assertThat(body.path("params").path("hostImage").asText()).isEqualTo("x:1");
        assertThat(body.path("skipCached").asBoolean(true)).isFalse();
        assertThat(body.has("tag")).isFalse();
        assertThat(kiln.last().header("Idempotency-Key")).isNotBlank();
        assertThat(kiln.last().header("Authorization")).isEqualTo("Bearer " + CliRun.TOKEN);
    }

    @Test
    void buildStartOfANewMajorSendsNoBranchAndAGivenBranchAsGiven() {
        kiln.json("POST", "/api/v1/builds", 201, Documents.build("requested"));
        assertThat(cli.run("build", "start", "--pipeline", "full", "--kind", "alpha", "--arch", "amd64").exitCode()).isZero();
        assertThat(Json.parse(kiln.last().body()).has("branch")).isFalse();

        assertThat(cli.run("build", "start", "--pipeline", "os", "--kind", "nightly", "--branch", "flatcar-4593",
                "--arch", "amd64").exitCode()).isZero();
        assertThat(Json.parse(kiln.last().body()).path("branch").asText()).isEqualTo("flatcar-4593");
    }

    @Test
    void buildStartOfATagSendsNoKindAndNoBranch() {
        kiln.json("POST", "/api/v1/builds", 201, Documents.build("requested"));
        assertThat(cli.run("build", "start", "--pipeline", "os", "--tag", "stable-4593.2.5", "--arch", "amd64",
                "--idempotency-key", "k1").exitCode()).isZero();
        JsonNode body = Json.parse(kiln.last().body());
        assertThat(body.path("tag").asText()).isEqualTo("stable-4593.2.5");
        assertThat(body.has("kind") || body.has("branch")).isFalse();
        assertThat(kiln.last().header("Idempotency-Key")).isEqualTo("k1");
    }

    @Test
    void buildStartNeedsPipelineArchAndExactlyOneOfKindOrTag() {
        assertThat(cli.run("build", "start", "--kind", "nightly", "--arch", "amd64").exitCode()).isEqualTo(2);
        assertThat(cli.run("build", "start", "--pipeline", "full", "--kind", "nightly").exitCode()).isEqualTo(2);
        CliRun.Result both = cli.run("build", "start", "--pipeline", "full", "--kind", "nightly", "--tag", "t",
                "--arch", "amd64");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("either --kind").doesNotContain("Exception");
        assertThat(kiln.requests).isEmpty();
    }

    @Test
    void buildListShowCancelAndResume() {
        kiln.json("GET", "/api/v1/builds", 200, "{\"items\":[],\"page\":1,\"size\":5,\"total\":0}");
        assertThat(cli.run("build", "list", "--state", "running", "--page", "1", "--size", "5").exitCode()).isZero();
        assertThat(kiln.last().query()).isEqualTo("state=running&page=1&size=5");

        kiln.json("POST", "/api/v1/builds/k7xq2m4pza/cancel", 200, Documents.build("cancelled"));
        assertThat(cli.run("build", "cancel", "k7xq2m4pza", "--reason", "superseded").exitCode()).isZero();
        assertThat(Json.parse(kiln.last().body()).path("reason").asText()).isEqualTo("superseded");

        kiln.json("POST", "/api/v1/builds/k7xq2m4pza/resume", 200, Documents.build("running"));
        assertThat(cli.run("build", "resume", "k7xq2m4pza").exitCode()).isZero();
        assertThat(kiln.last().body()).isEmpty();

        kiln.json("GET", "/api/v1/builds/k7xq2m4pza", 200, Documents.build("running"));
        assertThat(cli.run("build", "show", "k7xq2m4pza").exitCode()).isZero();
    }

    @Test
    void logsAsksForTheAttemptAndPrintsTheLogAsItIs() {
        kiln.on("GET", "/api/v1/builds/b1/steps/packages-amd64/log",
                FakeKiln.reply(200, "text/plain", "line 1\nline 2\n"));
        CliRun.Result result = cli.run("logs", "b1", "packages-amd64", "--attempt", "2");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("line 1\nline 2\n");
        assertThat(kiln.last().query()).isEqualTo("attempt=2");
    }

    @Test
    void logsFollowPrintsOnlyNewOutputUntilTheRunEnds() {
        String running = Documents.build("running",
                Documents.step("packages-amd64", "running", 1, "2026-08-21T21:00:01Z", null));
        kiln.on("GET", "/api/v1/builds/b1",
                FakeKiln.reply(200, "application/json", running),
                FakeKiln.reply(200, "application/json", running),
                FakeKiln.reply(200, "application/json", Documents.build("running",
                        Documents.step("packages-amd64", "succeeded", 1, "2026-08-21T21:00:01Z",
                                "2026-08-21T21:05:01Z"))));
        kiln.on("GET", "/api/v1/builds/b1/steps/packages-amd64/log",
                FakeKiln.problem(404, "log-not-available", "Log not available", "not started"),
                FakeKiln.reply(200, "text/plain", "one\n"),
                FakeKiln.reply(200, "text/plain", "one\ntwo\n"));
        CliRun.Result result = cli.run("logs", "b1", "packages-amd64", "-f");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("one\ntwo\n");
    }

    @Test
    void versionCommandsUseTheDocumentedPathsAndQueries() {
        kiln.json("GET", "/api/v1/versions/parse", 200, Documents.PARSED);
        assertThat(cli.run("version", "parse", "4799.0.0+nightly-20260821-2100").exitCode()).isZero();
        assertThat(kiln.last().query()).isEqualTo("value=4799.0.0%2Bnightly-20260821-2100");

        kiln.json("POST", "/api/v1/versions", 201, "{\"tag\":\"dev-1\"}");
        assertThat(cli.run("version", "allocate", "--kind", "dev", "--suffix", "fix1", "--branch", "main")
                .exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"kind\":\"dev\",\"branch\":\"main\",\"suffix\":\"fix1\"}");
        assertThat(kiln.last().header("Idempotency-Key")).isNotBlank();

        kiln.json("GET", "/api/v1/versions", 200, Documents.VERSION_PAGE);
        assertThat(cli.run("version", "list", "--group", "lts", "--official", "false", "--status", "all")
                .exitCode()).isZero();
        assertThat(kiln.last().query()).isEqualTo("group=lts&official=false&status=all");

        kiln.on("DELETE", "/api/v1/versions/main-4800.0.0-dev1", FakeKiln.reply(204, "text/plain", ""));
        CliRun.Result deleted = cli.run("version", "delete", "main-4800.0.0-dev1", "--reason", "not needed");
        assertThat(deleted.exitCode()).isZero();
        assertThat(kiln.last().query()).isEqualTo("reason=not%20needed");

        assertThat(cli.run("version", "allocate").exitCode()).as("--kind is required").isEqualTo(2);
    }

    @Test
    void cacheLsAsksForTheJsonListingOfTheDirectory() {
        kiln.json("GET", "/cache/images/amd64/", 200, """
                [{ "name":"4593.2.5", "type":"directory", "mtime":"Fri, 21 Aug 2026 21:00:36 GMT" },
                 { "name":"README.txt", "type":"file", "mtime":"Fri, 21 Aug 2026 21:00:36 GMT", "size":12 }]""");
        CliRun.Result result = cli.run("cache", "ls", "/images/amd64");
        assertThat(result.exitCode()).isZero();
        assertThat(kiln.last().header("Accept")).isEqualTo("application/json");
        assertThat(result.out()).contains("4593.2.5", "directory", "README.txt", "12");
    }

    @Test
    void cacheHeadShowsTheFilesHeaders() {
        kiln.on("HEAD", "/cache/images/amd64/4593.2.5/version.txt", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.getResponseHeaders().add("ETag", "\"abc\"");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        CliRun.Result result = cli.run("cache", "head", "images/amd64/4593.2.5/version.txt", "-o", "json");
        assertThat(result.exitCode()).isZero();
        assertThat(Json.parse(result.out()).path("etag").asText()).isEqualTo("\"abc\"");
    }

    @Test
    void gcPlanAndRunSendOnlyTheSettingsGiven() {
        kiln.json("POST", "/api/v1/gc/plan", 200, "{\"purge\":0,\"keep\":0,\"decisions\":[]}");
        assertThat(cli.run("gc", "plan", "--keep", "5", "--purge-tag", "a", "--purge-tag", "b").exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{\"keep\":5,\"purgeTags\":[\"a\",\"b\"]}");

        kiln.json("POST", "/api/v1/gc/runs", 202, "{\"id\":\"r1\",\"status\":\"running\"}");
        assertThat(cli.run("gc", "run").exitCode()).isZero();
        assertThat(kiln.last().body()).isEqualTo("{}");
        assertThat(kiln.last().header("Idempotency-Key")).isNotBlank();

        kiln.json("GET", "/api/v1/gc/runs/r1", 200, """
                {"id":"r1","status":"succeeded","purges":1,"items":[
                 {"seq":1,"decision":{"action":"keep","subject":"main-4799.0.0-nightly-20260821-2100"},"status":"kept"},
                 {"seq":2,"decision":{"action":"purge","subject":"main-4785.0.0-nightly-20260807-2100"},
                  "status":"done","deletedObjects":12,"error":null}]}""");
        String shown = cli.run("gc", "show", "r1").out();
        assertThat(shown).containsPattern("(?m)^2\\s+done\\s+purge\\s+main-4785.0.0-nightly-20260807-2100\\s+12\\s+-$")
                .doesNotContain("main-4799").contains("(1 kept decisions not shown; -o json lists them)");
    }

    @Test
    void completionPrintsAScriptForBashAndZsh() {
        CliRun.Result bash = cli.run("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("complete -F", "kiln", "build", "cache", "(\"table\" \"json\" \"yaml\")");
        assertThat(cli.run("completion", "zsh").out()).contains("bashcompinit");
        assertThat(cli.run("completion", "fish").exitCode()).isEqualTo(2);
    }

    @Test
    void aNounWithoutAVerbAndAnUnknownOutputFormatAreUsageErrors() {
        assertThat(cli.run("build").exitCode()).isEqualTo(2);
        assertThat(cli.run().exitCode()).isEqualTo(2);
        assertThat(cli.run("version", "show", "x", "-o", "xml").exitCode()).isEqualTo(2);
        assertThat(cli.run("--help").exitCode()).isZero();
    }

    @Test
    void helpListsEveryNounAndEveryVerbHasItsOwnHelp() {
        CliRun.Result help = cli.run("--help");
        assertThat(help.out()).containsPattern("(?m)^  build\\s+Builds \\(build-runner\\)")
                .contains("config", "logs", "version", "cache", "gc", "completion", "Exit codes:");
        CliRun.Result start = cli.run("build", "start", "--help");
        assertThat(start.exitCode()).isZero();
        assertThat(start.out()).contains("--pipeline", "--arch", "--follow", "-o, --output");
        assertThat(cli.run("--context", "x", "cache", "put", "-h").out()).contains("LOCAL_FILE");
        assertThat(cli.run("biuld").err()).contains("build");
    }
}
