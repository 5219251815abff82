package dev.kiln.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.Cli;
import dev.kiln.cli.follow.PromotionFollower;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.Query;
import dev.kiln.cli.http.Service;
import dev.kiln.cli.output.OutputOptions;
import dev.kiln.cli.output.Renderer;
import dev.kiln.cli.output.Table;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "promotion", description = "Release requests made by kiln promote (release-service): list, show, "
        + "cancel.")
public final class PromotionCommand extends Noun {

    static final String PROMOTIONS = "/api/v1/promotions";

    private final Cli cli;

    public PromotionCommand(Cli cli) {
        this.cli = cli;
    }

    @Command(name = "list", description = "Requests, newest first.")
    int list(@Option(names = "--state", description = "queued, versioning, building, testing, awaiting-approval, "
                    + "published, failed, cancelled.") String state,
            @Option(names = "--channel") String channel, @Mixin PageOptions page, @Mixin OutputOptions output) {
        Query query = page.addTo(Query.of().add("state", state).add("channel", channel));
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.RELEASE_SERVICE, PROMOTIONS + query),
                (out, doc) -> Renderer.printPage(out, doc, new Table().column("ID", "/id").column("TYPE", "/type")
                        .column("STATE", "/state").column("CHANNEL", "/channel").column("VERSION", "/version")
                        .column("FROM", "/from").column("BUILD", "/buildId").column("CREATED", "/createdAt")));
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "One request and its history.")
    int show(@Parameters(paramLabel = "ID") String id, @Mixin OutputOptions output,
            @Option(names = {"-f", "--follow"},
                    description = "Print each state change until it is published, failed or cancelled.")
            boolean follow) {
        if (follow) {
            return new PromotionFollower(cli).follow(id);
        }
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.RELEASE_SERVICE, path(id)),
                PromotionCommand::printPromotion);
        return ExitCodes.OK;
    }

    @Command(name = "cancel", description = "Cancel a request that has not finished (role releaser).")
    int cancel(@Parameters(paramLabel = "ID") String id, @Option(names = "--reason", required = true) String reason,
            @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(), cli.api().post(Service.RELEASE_SERVICE, path(id) + "/cancel",
                Map.of("reason", reason), null), PromotionCommand::printPromotion);
        return ExitCodes.OK;
    }

    static String path(String id) {
        return PROMOTIONS + "/" + Query.segment(id);
    }

    static void printPromotion(PrintWriter out, JsonNode promotion) {
        Renderer.printFields(out, promotion, "history");
        if (promotion.path("history").isEmpty()) {
            return;
        }
        out.println();
        new Table().column("AT", "/at").column("STATE", "/state").column("ACTOR", "/actor").column("REASON", "/reason")
                .print(out, promotion.path("history"));
    }
}
