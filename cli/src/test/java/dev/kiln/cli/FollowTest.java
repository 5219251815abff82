package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.cli.follow.PlainFollowView;
import dev.kiln.cli.follow.TerminalFollowView;
import dev.kiln.cli.output.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --follow redraws in place on a terminal and prints one line per change in a pipe. */
class FollowTest {

    private static final Clock CLOCK = Clock.fixed(CliRun.NOW, ZoneOffset.UTC);
    private static final String T0 = "2026-08-21T21:00:01Z";

    @TempDir
    Path home;

    private static String state(String sdk, String packages) {
        return Documents.build("running", Documents.step("sdk_bootstrap", sdk, 1, T0, null),
                Documents.step("packages-amd64", packages, "pending".equals(packages) ? 0 : 1,
                        "pending".equals(packages) ? null : T0, null));
    }

    @Test
    void aTerminalFrameIsRedrawnOverThePreviousOneWithoutScrolling() {
        StringWriter buffer = new StringWriter();
        TerminalFollowView view = new TerminalFollowView(new PrintWriter(buffer), CLOCK, false);
        view.show(Json.parse(state("running", "pending")));
        String first = buffer.toString();
        view.show(Json.parse(state("succeeded", "running")));
        String second = buffer.toString().substring(first.length());

        assertThat(first).doesNotContain("\u001b[4A");
        // four lines (build, header, two runs): back up over all four, then clear each before writing it
        assertThat(second).startsWith("\r\u001b[4A\u001b[2K");
        List<String> screen = Screen.render(buffer.toString());
        assertThat(screen).hasSize(4);
        assertThat(screen.get(0)).startsWith("build k7xq2m4pza  full  main-4799.0.0-nightly-20260821-2100  running");
        assertThat(screen.get(2)).matches("sdk_bootstrap\\s+succeeded\\s+1\\s+9m59s");
        assertThat(screen.get(3)).matches("packages-amd64\\s+running\\s+1\\s+9m59s");
        assertThat(screen).doesNotHaveDuplicates();
    }

    @Test
    void aShorterFrameLeavesNoStaleLinesBelow() {
        StringWriter buffer = new StringWriter();
        TerminalFollowView view = new TerminalFollowView(new PrintWriter(buffer), CLOCK, false);
        view.show(Json.parse(state("running", "pending")));
        view.show(Json.parse(Documents.build("running", Documents.step("sdk_bootstrap", "running", 1, T0, null))));
        assertThat(Screen.render(buffer.toString())).hasSize(3).noneMatch(line -> line.contains("packages-amd64"));
    }

    @Test
    void moreRunsThanTheTerminalHasLinesGiveWayDoneRunsFirst() {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            steps.add(Documents.step("done" + i, "succeeded", 1, T0, T0));
        }
        steps.add(Documents.step("busy", "running", 1, T0, null));
        steps.add(Documents.step("broken", "failed", 3, T0, T0));
        String build = Documents.build("running", steps.toArray(String[]::new));
        StringWriter buffer = new StringWriter();
        TerminalFollowView view = new TerminalFollowView(new PrintWriter(buffer), CLOCK, false, 10);
        view.show(Json.parse(build));
        view.show(Json.parse(build));
        List<String> screen = Screen.render(buffer.toString());
        assertThat(screen).hasSizeLessThan(10).doesNotHaveDuplicates();
        assertThat(String.join("\n", screen)).contains("busy", "broken", "... 7 more runs (7 succeeded)");
    }

    @Test
    void colourIsAddedOnlyWhenAsked() {
        StringWriter buffer = new StringWriter();
        new TerminalFollowView(new PrintWriter(buffer), CLOCK, true).show(Json.parse(state("failed", "pending")));
        assertThat(buffer.toString()).contains("\u001b[31mfailed   \u001b[0m");
    }

    @Test
    void plainModePrintsOnlyChanges() {
        StringWriter buffer = new StringWriter();
        PlainFollowView view = new PlainFollowView(new PrintWriter(buffer), CLOCK);
        view.show(Json.parse(state("running", "pending")));
        assertThat(buffer.toString().lines()).hasSize(3);
        int before = buffer.toString().length();
        view.show(Json.parse(state("succeeded", "pending")));
        assertThat(buffer.toString().substring(before).lines().toList())
                .containsExactly(CliRun.NOW + " sdk_bootstrap succeeded attempt 1 9m59s");
        before = buffer.toString().length();
        view.show(Json.parse(state("succeeded", "pending")));
        assertThat(buffer.toString().substring(before)).isEmpty();
        assertThat(buffer.toString()).doesNotContain("\u001b");
    }

    @Test
    void followEndsWithTheBuildExitingZeroOnSuccessAndOneOnFailure() {
        try (FakeKiln kiln = new FakeKiln()) {
            kiln.on("GET", "/api/v1/builds/k7xq2m4pza",
                    FakeKiln.reply(200, "application/json", state("running", "pending")),
                    FakeKiln.reply(200, "application/json", Documents.build("succeeded",
                            Documents.step("sdk_bootstrap", "succeeded", 1, T0, T0))));
            CliRun cli = CliRun.against(home, kiln.url());
            CliRun.Result result = cli.run("build", "show", "k7xq2m4pza", "--follow");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("build k7xq2m4pza running", "build k7xq2m4pza succeeded")
                    .doesNotContain("\u001b");
        }
        try (FakeKiln kiln = new FakeKiln()) {
            kiln.json("POST", "/api/v1/builds", 201, Documents.build("requested"));
            kiln.json("GET", "/api/v1/builds/k7xq2m4pza", 200, Documents.build("failed",
                    Documents.step("sdk_bootstrap", "failed", 2, T0, T0)));
            CliRun cli = CliRun.against(home, kiln.url());
            cli.terminal = true;
            CliRun.Result result = cli.run("build", "start", "--pipeline", "full", "--kind", "nightly", "--arch",
                    "amd64", "--follow");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("build k7xq2m4pza failed");
            assertThat(result.out()).contains("\u001b[31m");
        }
    }

    @Test
    void aFailedPollIsRetriedAndShownNotFatal() {
        try (FakeKiln kiln = new FakeKiln()) {
            kiln.on("GET", "/api/v1/builds/k7xq2m4pza",
                    FakeKiln.reply(200, "application/json", state("running", "pending")),
                    FakeKiln.problem(503, "unavailable", "Service Unavailable", "restarting"),
                    FakeKiln.reply(502, "text/html", "<html>bad gateway</html>"),
                    FakeKiln.reply(200, "application/json", Documents.build("succeeded",
                            Documents.step("sdk_bootstrap", "succeeded", 1, T0, T0))));
            CliRun cli = CliRun.against(home, kiln.url());
            cli.terminal = true;
            CliRun.Result result = cli.run("build", "show", "k7xq2m4pza", "--follow");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Service Unavailable: restarting (retrying)");
            List<String> screen = Screen.render(result.out());
            assertThat(screen).hasSize(3).noneMatch(line -> line.contains("retrying"));
        }
        try (FakeKiln kiln = new FakeKiln()) {
            kiln.on("GET", "/api/v1/builds/b404", FakeKiln.problem(404, "build-not-found", "Not found", "no b404"));
            assertThat(CliRun.against(home, kiln.url()).run("build", "show", "b404", "-f").exitCode()).isEqualTo(3);
        }
        FakeKiln closed = new FakeKiln();
        closed.close();
        assertThat(CliRun.against(home, closed.url()).run("build", "show", "b1", "-f").exitCode())
                .as("nothing answered yet: no patience for a wrong URL").isEqualTo(6);
    }

    /** A terminal just good enough for the sequences the view writes: cursor up, clear line, clear below. */
    static final class Screen {
        static List<String> render(String output) {
            List<String> lines = new ArrayList<>();
            int row = 0;
            for (int i = 0; i < output.length(); i++) {
                char c = output.charAt(i);
                while (lines.size() <= row) {
                    lines.add("");
                }
                if (c == '\u001b') {
                    int end = i + 2;
                    while (!Character.isLetter(output.charAt(end))) {
                        end++;
                    }
                    String argument = output.substring(i + 2, end);
                    switch (output.charAt(end)) {
                        case 'A' -> row = Math.max(0, row - Integer.parseInt(argument));
                        case 'K' -> lines.set(row, "");
                        case 'J' -> {
                            lines.subList(row, lines.size()).clear();
                        }
                        default -> { } // colours change nothing on the grid
                    }
                    i = end;
                } else if (c == '\n') {
                    row++;
                } else if (c != '\r') {
                    lines.set(row, lines.get(row) + c);
                }
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        }
    }
}
