package dev.kiln.cli.follow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.Cli;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.http.Query;
import dev.kiln.cli.http.Service;
import java.util.Set;

/** Polls a build until it ends, showing each state; the exit code says how it ended. */
public final class BuildFollower {

    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");
    /** Failed polls in a row before --follow gives up: 30 of them, a minute at the default interval. */
    private static final int PATIENCE = 30;

    private final Cli cli;
    private final FollowView view;

    public BuildFollower(Cli cli) {
        this(cli, cli.stdoutTerminal() ? new TerminalFollowView(cli.out(), cli.clock(), cli.colour(), cli.terminalLines())
                : new PlainFollowView(cli.out(), cli.clock()));
    }

    BuildFollower(Cli cli, FollowView view) {
        this.cli = cli;
        this.view = view;
    }

    public int follow(String buildId) {
        String path = "/api/v1/builds/" + Query.segment(buildId);
        int failures = 0;
        boolean seen = false;
        while (true) {
            JsonNode build;
            try {
                build = cli.api().get(Service.BUILD_RUNNER, path).json();
                failures = 0;
                seen = true;
            } catch (KilnCliException e) {
                // a build runs for hours: a build-runner restart or a proxy's hiccup should not end the watch
                boolean passing = e.exitCode() == ExitCodes.UNREACHABLE || e.exitCode() == ExitCodes.FAILED;
                // ...but a wrong URL or id is reported at once
                if (!seen || !passing || ++failures > PATIENCE) {
                    throw e;
                }
                view.trouble(e.getMessage());
                pause();
                continue;
            }
            view.show(build);
            String state = build.path("state").asText();
            if (FINAL.contains(state)) {
                if (!"succeeded".equals(state)) {
                    cli.err().println("kiln: build " + buildId + " " + state
                            + (build.hasNonNull("reason") ? ": " + build.path("reason").asText() : ""));
                }
                return exitCode(state);
            }
            pause();
        }
    }

    public static int exitCode(String finalState) {
        return "succeeded".equals(finalState) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void pause() {
        try {
            Thread.sleep(cli.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnCliException(ExitCodes.FAILED, "interrupted");
        }
    }
}
