package dev.kiln.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.Cli;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.Query;
import dev.kiln.cli.http.Service;
import dev.kiln.cli.output.OutputOptions;
import dev.kiln.cli.output.Renderer;
import dev.kiln.cli.output.Table;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gc", description = "Garbage collection of the build cache (artifact-service): plan, run, show, list.")
public final class GcCommand extends Noun {

    private final Cli cli;

    public GcCommand(Cli cli) {
        this.cli = cli;
    }

    /** The policy settings plan and run share; left out, the service's configured values apply. */
    static final class Settings {
        @Option(names = "--keep", paramLabel = "N", description = "Newest dev builds kept.")
        Integer keep;
        @Option(names = "--min-age-days", paramLabel = "N", description = "Dev builds younger than this are kept.")
        Integer minAgeDays;
        @Option(names = "--keep-per-channel", paramLabel = "N")
        Integer keepPerChannel;
        @Option(names = "--keep-lts-majors", paramLabel = "N")
        Integer keepLtsMajors;
        @Option(names = "--purge-tag", paramLabel = "TAG", description = "Purge exactly these dev tags; repeatable.")
        List<String> purgeTags;

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            putIfSet(body, "keep", keep);
            putIfSet(body, "minAgeDays", minAgeDays);
            putIfSet(body, "keepPerChannel", keepPerChannel);
            putIfSet(body, "keepLtsMajors", keepLtsMajors);
            putIfSet(body, "purgeTags", purgeTags);
            return body;
        }

        private static void putIfSet(Map<String, Object> body, String field, Object value) {
            if (value != null) {
                body.put(field, value);
            }
        }
    }

    @Command(name = "plan", description = "Dry run: every tag and directory, keep or purge, and why.")
    int plan(@Mixin Settings settings, @Mixin OutputOptions output,
            @Option(names = "--purges-only", description = "Table: only the decisions that purge.") boolean purgesOnly) {
        Renderer.render(cli.out(), output.format(),
                cli.api().post(Service.ARTIFACT_SERVICE, "/api/v1/gc/plan", settings.body(), null),
                (out, plan) -> printPlan(out, plan, purgesOnly));
        return ExitCodes.OK;
    }

    @Command(name = "run", description = "Start a garbage collection run (it continues in the background).")
    int run(@Mixin Settings settings, @Mixin OutputOptions output,
            @Option(names = "--idempotency-key", paramLabel = "KEY") String key) {
        Renderer.render(cli.out(), output.format(), cli.api().post(Service.ARTIFACT_SERVICE, "/api/v1/gc/runs",
                settings.body(), key != null ? key : UUID.randomUUID().toString()), this::printRun);
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "One run with the outcome of each decision.")
    int show(@Parameters(paramLabel = "ID") String id, @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(),
                cli.api().get(Service.ARTIFACT_SERVICE, "/api/v1/gc/runs/" + Query.segment(id)), this::printRun);
        return ExitCodes.OK;
    }

    @Command(name = "list", description = "Runs, newest first.")
    int list(@Mixin PageOptions page, @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(),
                cli.api().get(Service.ARTIFACT_SERVICE, "/api/v1/gc/runs" + page.addTo(Query.of())),
                (out, doc) -> Renderer.printPage(out, doc, new Table().column("ID", "/id").column("STATUS", "/status")
                        .column("TRIGGER", "/trigger").column("PURGES", "/purges").column("DONE", "/done")
                        .column("FAILED", "/failed").column("SKIPPED", "/skipped")));
        return ExitCodes.OK;
    }

    private static void printPlan(PrintWriter out, JsonNode plan, boolean purgesOnly) {
        out.printf("purge %d, keep %d (computed %s)%n%n", plan.path("purge").asInt(), plan.path("keep").asInt(),
                plan.path("computedAt").asText());
        List<JsonNode> decisions = new java.util.ArrayList<>();
        plan.path("decisions").forEach(d -> {
            if (!purgesOnly || "purge".equals(d.path("action").asText())) {
                decisions.add(d);
            }
        });
        new Table().column("ACTION", "/action").column("CODE", "/code").column("SUBJECT", "/subject")
                .column("REASON", "/reason").print(out, decisions);
    }

    /** The run, then its items; kept decisions (most of a plan) only as a count, -o json has them all. */
    private void printRun(PrintWriter out, JsonNode run) {
        Renderer.printFields(out, run, "items", "settings");
        List<JsonNode> acted = new java.util.ArrayList<>();
        run.path("items").forEach(item -> {
            if (!"kept".equals(item.path("status").asText())) {
                acted.add(item);
            }
        });
        if (!acted.isEmpty()) {
            out.println();
            new Table().column("SEQ", "/seq").column("STATUS", "/status").column("ACTION", "/decision/action")
                    .column("SUBJECT", "/decision/subject").column("DELETED", "/deletedObjects")
                    .column("ERROR", "/error").print(out, acted);
        }
        int kept = run.path("items").size() - acted.size();
        if (kept > 0) {
            out.printf("(%d kept decisions not shown; -o json lists them)%n", kept);
        }
    }
}
