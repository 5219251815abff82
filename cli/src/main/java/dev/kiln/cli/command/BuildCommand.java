package dev.kiln.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.Cli;
import dev.kiln.cli.follow.BuildFollower;
import dev.kiln.cli.follow.StepRow;
import dev.kiln.cli.http.ApiResponse;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.Query;
import dev.kiln.cli.http.Service;
import dev.kiln.cli.output.OutputOptions;
import dev.kiln.cli.output.Renderer;
import dev.kiln.cli.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", description = "Builds (build-runner): start, list, show, cancel, resume.")
public final class BuildCommand extends Noun {

    private static final String BUILDS = "/api/v1/builds";

    private final Cli cli;

    public BuildCommand(Cli cli) {
        this.cli = cli;
    }

    @Command(name = "start", description = "Start a build of a new version (--kind) or of an existing --tag.")
    int start(@Mixin BuildStartOptions options, @Mixin OutputOptions output,
            @Option(names = {"-f", "--follow"}, description = "Show the step runs live until the build ends.")
            boolean follow) {
        ApiResponse created = cli.api().post(Service.BUILD_RUNNER, BUILDS, options.body(), options.idempotencyKey());
        if (follow) {
            return new BuildFollower(cli).follow(created.json().path("id").asText());
        }
        Renderer.render(cli.out(), output.format(), created, this::printBuild);
        return ExitCodes.OK;
    }

    @Command(name = "list", description = "Builds, newest first.")
    int list(@Option(names = "--state", description = "requested, running, succeeded, failed, cancelled.") String state,
            @Option(names = "--tag") String tag, @Mixin PageOptions page, @Mixin OutputOptions output) {
        String query = page.addTo(Query.of().add("state", state).add("tag", tag)).toString();
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.BUILD_RUNNER, BUILDS + query),
                (out, doc) -> Renderer.printPage(out, doc, new Table().column("ID", "/id")
                        .column("PIPELINE", "/pipeline").column("STATE", "/state").column("TAG", "/tag")
                        .column("ARCHES", "/arches").column("CREATED", "/createdAt")));
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "A build and its step runs.")
    int show(@Parameters(paramLabel = "ID") String id, @Mixin OutputOptions output,
            @Option(names = {"-f", "--follow"}, description = "Show the step runs live until the build ends.")
            boolean follow) {
        if (follow) {
            return new BuildFollower(cli).follow(id);
        }
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.BUILD_RUNNER, path(id)), this::printBuild);
        return ExitCodes.OK;
    }

    @Command(name = "cancel", description = "Cancel a build; running attempts are stopped.")
    int cancel(@Parameters(paramLabel = "ID") String id, @Option(names = "--reason") String reason,
            @Mixin OutputOptions output) {
        Object body = reason == null ? null : Map.of("reason", reason);
        Renderer.render(cli.out(), output.format(),
                cli.api().post(Service.BUILD_RUNNER, path(id) + "/cancel", body, null), this::printBuild);
        return ExitCodes.OK;
    }

    @Command(name = "resume", description = "Give a failed build's failed and blocked runs another round.")
    int resume(@Parameters(paramLabel = "ID") String id, @Mixin OutputOptions output,
            @Option(names = {"-f", "--follow"}, description = "Then show the step runs live until the build ends.")
            boolean follow) {
        ApiResponse resumed = cli.api().post(Service.BUILD_RUNNER, path(id) + "/resume", null, null);
        if (follow) {
            return new BuildFollower(cli).follow(id);
        }
        Renderer.render(cli.out(), output.format(), resumed, this::printBuild);
        return ExitCodes.OK;
    }

    private static String path(String id) {
        return BUILDS + "/" + Query.segment(id);
    }

    private void printBuild(PrintWriter out, JsonNode build) {
        Renderer.printFields(out, build, "steps", "params");
        if (build.path("steps").isEmpty()) {
            return;
        }
        out.println();
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode step : build.path("steps")) {
            StepRow row = StepRow.ofStep(step, cli.clock().instant());
            rows.add(List.of(row.run(), row.state(), String.valueOf(row.attempt()), row.duration(),
                    Table.text(step.path("reason"))));
        }
        Table.printAligned(out, List.of("RUN", "STATE", "ATTEMPT", "DURATION", "REASON"), rows);
    }
}
