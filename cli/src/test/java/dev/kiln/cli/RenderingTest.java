package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.cli.output.Json;
import dev.kiln.cli.output.Table;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -o table for people, -o json exactly as the service answered, -o yaml the same document. */
class RenderingTest {

    @TempDir
    Path home;
    FakeKiln kiln;
    CliRun cli;

    @BeforeEach
    void start() {
        kiln = new FakeKiln();
        cli = CliRun.against(home, kiln.url());
        kiln.json("GET", "/api/v1/versions/parse", 200, Documents.PARSED);
    }

    @AfterEach
    void stop() {
        kiln.close();
    }

    @Test
    void jsonIsTheServicesDocumentUnchanged() {
        CliRun.Result result = cli.run("version", "parse", "stable-4593.2.5", "-o", "json");
        assertThat(result.out()).isEqualTo(Documents.PARSED + "\n");
    }

    @Test
    void yamlIsTheSameDocument() throws Exception {
        CliRun.Result result = cli.run("version", "parse", "stable-4593.2.5", "-o", "YAML");
        assertThat(result.out()).contains("tag: stable-4593.2.5").doesNotStartWith("---");
        assertThat(Json.yaml().readTree(result.out()).toString()).isEqualTo(Json.parse(Documents.PARSED).toString());
    }

    @Test
    void aSingleDocumentIsAFieldValueTable() {
        String out = cli.run("version", "parse", "stable-4593.2.5").out();
        assertThat(out.lines().toList()).first().asString().matches("FIELD\\s+VALUE");
        assertThat(out).containsPattern("(?m)^tag\\s+stable-4593\\.2\\.5$").containsPattern("(?m)^buildId\\s+-$")
                .containsPattern("(?m)^major\\s+4593$");
    }

    @Test
    void aPageIsATableWithAFooterWhenMoreFollow() {
        kiln.json("GET", "/api/v1/versions", 200, Documents.VERSION_PAGE);
        List<String> lines = cli.run("version", "list").out().lines().toList();
        assertThat(lines.get(0)).matches("TAG\\s+KIND\\s+STATUS\\s+BRANCH\\s+SDK\\s+CREATED");
        assertThat(lines.get(1)).startsWith("main-4800.0.0-nightly-20260822-2100   nightly   tagged   main");
        assertThat(lines.get(2)).isEqualTo("(page 0, 1 of 3; --page 1 for more)");
    }

    @Test
    void aBuildShowsItsFieldsThenItsStepRunsWithDurations() {
        kiln.json("GET", "/api/v1/builds/k7xq2m4pza", 200, Documents.build("running",
                Documents.step("sdk_bootstrap", "succeeded", 1, "2026-08-21T21:00:01Z", "2026-08-21T21:02:31Z"),
                Documents.step("packages-amd64", "running", 2, "2026-08-21T21:00:01Z", null),
                Documents.step("image-amd64", "pending", 0, null, null)));
        String out = cli.run("build", "show", "k7xq2m4pza").out();
        assertThat(out).containsPattern("(?m)^state\\s+running$").containsPattern("(?m)^arches\\s+amd64,arm64$")
                .doesNotContain("\"run\"");
        assertThat(out).containsPattern("(?m)^RUN\\s+STATE\\s+ATTEMPT\\s+DURATION\\s+REASON$")
                .containsPattern("(?m)^sdk_bootstrap\\s+succeeded\\s+1\\s+2m30s\\s+-$")
                .containsPattern("(?m)^packages-amd64\\s+running\\s+2\\s+9m59s\\s+-$")
                .containsPattern("(?m)^image-amd64\\s+pending\\s+0\\s+-\\s+-$");
    }

    @Test
    void gcPlanCanShowOnlyThePurges() {
        kiln.json("POST", "/api/v1/gc/plan", 200, """
                {"computedAt":"2026-08-22T03:30:00Z","purge":1,"keep":1,"decisions":[
                 {"rule":"dev-build","code":"dev.newest","subject":"main-4799.0.0-nightly-20260821-2100",
                  "action":"keep","reason":"#1 of the newest 50 dev builds","prefixes":[]},
                 {"rule":"dev-build","code":"dev.expired","subject":"main-4785.0.0-nightly-20260807-2100",
                  "action":"purge","reason":"#60, beyond the newest 50","prefixes":["images/amd64/x/"]}]}""");
        String out = cli.run("gc", "plan", "--purges-only").out();
        assertThat(out).startsWith("purge 1, keep 1 (computed 2026-08-22T03:30:00Z)")
                .contains("dev.expired").doesNotContain("dev.newest");
    }

    @Test
    void tablesAlignColumnsAndShowNothingAsADash() {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        new Table().column("NAME", "/name").column("SIZE", "/size")
                .print(out, List.of(Json.parse("{\"name\":\"a-long-name\",\"size\":1}"), Json.parse("{\"name\":\"b\"}")));
        out.flush();
        assertThat(buffer.toString().lines().toList())
                .containsExactly("NAME          SIZE", "a-long-name   1", "b             -");
    }
}
