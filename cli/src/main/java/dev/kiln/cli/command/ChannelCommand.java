package dev.kiln.cli.command;

import dev.kiln.cli.Cli;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.Query;
import dev.kiln.cli.http.Service;
import dev.kiln.cli.output.OutputOptions;
import dev.kiln.cli.output.Renderer;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "channel", description = "Channels and their boards (release-service): list, show, history, "
        + "publish, rollback.")
public final class ChannelCommand extends Noun {

    static final String CHANNELS = "/api/v1/channels";

    private final Cli cli;

    public ChannelCommand(Cli cli) {
        this.cli = cli;
    }

    @Command(name = "list", description = "Every channel: current release per arch and gate policy.")
    int list(@Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.RELEASE_SERVICE, CHANNELS),
                ChannelTables::printList);
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "A channel's board: current release per arch, the pointers artifact-service "
            + "serves, and the gate policy.")
    int show(@Parameters(paramLabel = "CHANNEL", description = "alpha, beta, stable or lts.") String channel,
            @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.RELEASE_SERVICE, path(channel)),
                (out, doc) -> ChannelTables.printBoard(out, doc, new ChannelPointers(cli.api(), channel)));
        return ExitCodes.OK;
    }

    @Command(name = "history", description = "Every publish, rollback and withdrawal on the channel, oldest first.")
    int history(@Parameters(paramLabel = "CHANNEL") String channel, @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.RELEASE_SERVICE, path(channel)),
                ChannelTables::printHistory);
        return ExitCodes.OK;
    }

    @Command(name = "publish", description = "Publish a ready release on every arch it was built for (role releaser).")
    int publish(@Parameters(index = "0", paramLabel = "CHANNEL") String channel,
            @Parameters(index = "1", paramLabel = "VERSION") String version, @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(), cli.api().post(Service.RELEASE_SERVICE, path(channel)
                + "/publications", Map.of("version", version), null), ChannelTables::printBoardOnly);
        return ExitCodes.OK;
    }

    @Command(name = "rollback", description = "Point current back to the previous published release (role releaser).")
    int rollback(@Parameters(paramLabel = "CHANNEL") String channel,
            @Option(names = "--arch", description = "Only this arch (default: every arch with a current release).")
            String arch,
            @Option(names = "--reason", required = true) String reason, @Mixin OutputOptions output) {
        Map<String, Object> body = new LinkedHashMap<>();
        Bodies.putIfSet(body, "arch", arch);
        body.put("reason", reason);
        Renderer.render(cli.out(), output.format(), cli.api().post(Service.RELEASE_SERVICE, path(channel)
                + "/rollback", body, null), ChannelTables::printBoardOnly);
        return ExitCodes.OK;
    }

    private static String path(String channel) {
        return CHANNELS + "/" + Query.segment(channel);
    }
}
