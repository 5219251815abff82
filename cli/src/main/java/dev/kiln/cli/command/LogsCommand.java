package dev.kiln.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.Cli;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.http.Query;
import dev.kiln.cli.http.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", description = {"The log of a step run of a build (build-runner), streamed.",
        "STEP_RUN is a run (packages-amd64) or a step with a single run (sdk_bootstrap)."})
public final class LogsCommand implements Callable<Integer> {

    private static final Set<String> FINISHED = Set.of("succeeded", "failed", "skipped", "blocked", "cancelled");

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "BUILD")
    String build;

    @Parameters(index = "1", paramLabel = "STEP_RUN")
    String stepRun;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new output until the step run ends.")
    boolean follow;

    @Option(names = "--attempt", paramLabel = "N", description = "An earlier attempt's log (default: the latest).")
    Integer attempt;

    public LogsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        String path = "/api/v1/builds/" + Query.segment(build) + "/steps/" + Query.segment(stepRun) + "/log"
                + Query.of().add("attempt", attempt);
        long printed = 0;
        int shownAttempt = 0;
        while (true) {
            // read the state before the log: a run that had ended then has all of its log in what follows
            RunState run = follow ? runState() : new RunState(true, 0);
            boolean finished = run.finished();
            if (attempt == null && run.attempt() != shownAttempt) {
                // a retry: the latest log is the new attempt's, which starts from its first byte again
                if (shownAttempt != 0) {
                    cli.out().flush();
                    cli.err().println("kiln: attempt " + run.attempt() + " of " + stepRun + " started");
                }
                shownAttempt = run.attempt();
                printed = 0;
            }
            try {
                printed += printFrom(path, printed);
            } catch (KilnCliException e) {
                // no log yet (the run has not started): wait for one, unless there is nothing left to wait for
                if (e.exitCode() != ExitCodes.NOT_FOUND || finished) {
                    throw e;
                }
            }
            if (finished) {
                return ExitCodes.OK;
            }
            Thread.sleep(cli.pollInterval().toMillis());
        }
    }

    /** Streams the log past what was already printed; the service has no offsets, so the head is skipped. */
    private long printFrom(String path, long offset) {
        HttpResponse<InputStream> response = cli.api().stream(Service.BUILD_RUNNER, path,
                // the log is text; a refusal (no log yet) is problem+json whatever the log would be
                Map.of("Accept", "text/plain, application/problem+json"));
        cli.out().flush();
        try (InputStream log = response.body()) {
            log.skipNBytes(offset);
            long copied = log.transferTo(cli.stdout());
            cli.stdout().flush();
            return copied;
        } catch (java.io.EOFException shorter) {
            // the log source changed (executor to cache) and the new one is shorter: print nothing twice
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record RunState(boolean finished, int attempt) {
    }

    private RunState runState() {
        JsonNode buildDoc = cli.api().get(Service.BUILD_RUNNER, "/api/v1/builds/" + Query.segment(build)).json();
        // a finished build has no run left that could still write
        boolean buildFinished = FINISHED.contains(buildDoc.path("state").asText());
        for (JsonNode step : buildDoc.path("steps")) {
            if (stepRun.equals(step.path("run").asText()) || stepRun.equals(step.path("step").asText())) {
                boolean runFinished = FINISHED.contains(step.path("state").asText()) && !step.hasNonNull("retryAt");
                return new RunState(buildFinished || runFinished, step.path("attempt").asInt(0));
            }
        }
        throw new KilnCliException(ExitCodes.NOT_FOUND, "build " + build + " has no step run " + stepRun);
    }
}
