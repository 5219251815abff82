package dev.kiln.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process against a config in a temporary directory and captures its output and exit code. */
final class CliRun {

    static final String TOKEN = "s3cret-token-never-printed";
    static final Instant NOW = Instant.parse("2026-08-21T21:10:00Z");

    record Result(int exitCode, String out, String err) {
    }

    final Path home;
    final Map<String, String> env = new HashMap<>();
    boolean terminal;

    CliRun(Path home) {
        this.home = home;
        env.put("HOME", home.toString());
        env.put("KILN_CONFIG", home.resolve("config").toString());
    }

    /** A config whose one context "test" sends every service to {@code url} with a token file. */
    static CliRun against(Path home, String url) {
        CliRun run = new CliRun(home);
        try {
            Path tokenFile = home.resolve("token");
            Files.writeString(tokenFile, TOKEN + "\n");
            Files.writeString(home.resolve("config"), """
                    currentContext: test
                    contexts:
                      test:
                        versionService: %1$s
                        buildRunner: %1$s
                        artifactService: %1$s
                        releaseService: %1$s
                        tokenFile: %2$s
                    """.formatted(url, tokenFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(out, err, env, terminal, terminal)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withPollInterval(Duration.ofMillis(1));
        int code = Kiln.run(cli, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
