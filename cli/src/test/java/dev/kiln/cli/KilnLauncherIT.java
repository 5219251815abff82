package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./kiln launcher on the packaged jar: {@code --follow} in a real pseudo-terminal (util-linux {@code script})
 * redraws in place, in a pipe it prints plain lines; the launcher's own terminal detection decides which.
 */
class KilnLauncherIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String T0 = "2026-08-21T21:00:01Z";

    @TempDir
    Path home;

    @BeforeAll
    static void needsScriptAndAFreshJar() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed for a pty");
        // a stale jar would make the launcher run Maven inside the test: only after package (failsafe's phase)
        assumeTrue(jarIsFresh(), "cli/target/kiln-cli.jar is missing or older than the sources: run by failsafe");
        // the launcher's first command after a build makes its start-up cache and says so on the terminal; these
        // tests are about what a command prints afterwards, so the cache is made first (LauncherCacheIT tests that)
        ProcessBuilder prepare = new ProcessBuilder(ROOT.resolve("kiln").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        prepare.environment().put("KILN_CLI_CACHE", "prepare");
        try {
            assertThat(prepare.start().waitFor(120, TimeUnit.SECONDS)).as("the start-up cache is made within 2 minutes")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean jarIsFresh() throws IOException {
        Path jar = ROOT.resolve("cli/target/kiln-cli.jar");
        if (!Files.exists(jar)) {
            return false;
        }
        long built = Files.getLastModifiedTime(jar).toMillis();
        try (var sources = Files.walk(ROOT.resolve("cli/src/main"))) {
            return Files.getLastModifiedTime(ROOT.resolve("cli/pom.xml")).toMillis() <= built
                    && sources.allMatch(p -> p.toFile().lastModified() <= built);
        }
    }

    private static FakeKiln buildThatSucceeds() {
        FakeKiln kiln = new FakeKiln();
        kiln.on("GET", "/api/v1/builds/k7xq2m4pza",
                FakeKiln.reply(200, "application/json", Documents.build("running",
                        Documents.step("sdk_bootstrap", "running", 1, T0, null),
                        Documents.step("packages-amd64", "pending", 0, null, null))),
                FakeKiln.reply(200, "application/json", Documents.build("succeeded",
                        Documents.step("sdk_bootstrap", "succeeded", 1, T0, T0),
                        Documents.step("packages-amd64", "succeeded", 1, T0, T0))));
        return kiln;
    }

    @Test
    void followRedrawsInPlaceInAPseudoTerminal() throws Exception {
        try (FakeKiln kiln = buildThatSucceeds()) {
            CliRun.against(home, kiln.url());
            Result result = run("script", "-q", "-e", "-c", ROOT.resolve("kiln") + " build show k7xq2m4pza --follow",
                    "/dev/null");
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("\u001b[4A", "\u001b[2K", "\u001b[32msucceeded");
            List<String> screen = FollowTest.Screen.render(result.output());
            assertThat(screen).hasSize(4).doesNotHaveDuplicates();
            assertThat(screen.get(0)).contains("build k7xq2m4pza", "succeeded");
            assertThat(screen.get(3)).matches("packages-amd64\\s+succeeded\\s+1\\s+0s");
        }
    }

    @Test
    void followInAPipePrintsPlainLines() throws Exception {
        try (FakeKiln kiln = buildThatSucceeds()) {
            CliRun.against(home, kiln.url());
            Result result = run("bash", "-c", ROOT.resolve("kiln") + " build show k7xq2m4pza --follow | cat");
            assertThat(result.exitCode()).isZero();
            assertThat(result.output()).doesNotContain("\u001b")
                    .contains("build k7xq2m4pza running", "sdk_bootstrap running attempt 1",
                            "packages-amd64 succeeded attempt 1", "build k7xq2m4pza succeeded");
        }
    }

    @Test
    void aFailedBuildEndsWithExitCodeOne() throws Exception {
        try (FakeKiln kiln = new FakeKiln()) {
            kiln.json("GET", "/api/v1/builds/b2", 200, Documents.build("failed",
                    Documents.step("sdk_bootstrap", "failed", 2, T0, T0)));
            CliRun.against(home, kiln.url());
            assertThat(run("bash", "-c", ROOT.resolve("kiln") + " build show b2 -f >/dev/null").exitCode()).isEqualTo(1);
        }
    }

    record Result(int exitCode, String output) {
    }

    private Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KILN_CONFIG", home.resolve("config").toString());
        builder.environment().put("TERM", "xterm");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
