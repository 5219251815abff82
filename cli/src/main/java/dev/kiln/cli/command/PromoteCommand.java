package dev.kiln.cli.command;

import dev.kiln.cli.Cli;
import dev.kiln.cli.follow.PromotionFollower;
import dev.kiln.cli.http.ApiResponse;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.Service;
import dev.kiln.cli.output.OutputOptions;
import dev.kiln.cli.output.Renderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "promote", description = "Request a release (release-service): a new major to alpha, a release to "
        + "the next channel, or a patch of a channel's major.")
public final class PromoteCommand extends Noun {

    private final Cli cli;

    public PromoteCommand(Cli cli) {
        this.cli = cli;
    }

    /** What every kind of request shares: the arches and vendor images, the key, how to show the answer. */
    static final class RequestOptions {
        @Option(names = "--arches", split = ",", paramLabel = "ARCH", description = "amd64, arm64 (default: the "
                + "service's).")
        List<String> arches;
        @Option(names = "--vendors", split = ",", paramLabel = "VENDOR", description = "qemu_uefi, ami, ... (default: "
                + "the service's).")
        List<String> vendors;
        @Option(names = "--idempotency-key", paramLabel = "KEY",
                description = "Retrying with the same key returns the first request instead of making another.")
        String idempotencyKey;
        @Option(names = {"-f", "--follow"},
                description = "Print each state change until the request is published, failed or cancelled.")
        boolean follow;
        @Mixin
        OutputOptions output;
    }

    @Command(name = "new-major", description = "Start the next major on alpha (version NNNN.0.0).")
    int newMajor(@Mixin RequestOptions options) {
        return request(new LinkedHashMap<>(Map.of("type", "new-major")), options);
    }

    @Command(name = "release", description = "Promote a published release to the next channel, e.g. 4790.0.1 "
            + "--to beta (a new version of the same major is built, tested and approved there).")
    int release(@Parameters(paramLabel = "VERSION", description = "The release promoted from, e.g. 4790.0.1.") String from,
            @Option(names = "--to", required = true, paramLabel = "CHANNEL", description = "beta, stable or lts.")
            String to,
            @Mixin RequestOptions options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "promotion");
        body.put("from", from);
        body.put("to", to);
        return request(body, options);
    }

    @Command(name = "patch", description = "A patch release of a channel's major, e.g. --channel stable --major 4593.")
    int patch(@Option(names = "--channel", required = true) String channel,
            @Option(names = "--major", required = true, paramLabel = "MAJOR") int major,
            @Mixin RequestOptions options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "patch");
        body.put("channel", channel);
        body.put("major", major);
        return request(body, options);
    }

    private int request(Map<String, Object> body, RequestOptions options) {
        Bodies.putIfSet(body, "arches", options.arches);
        Bodies.putIfSet(body, "vendors", options.vendors);
        ApiResponse created = cli.api().post(Service.RELEASE_SERVICE, PromotionCommand.PROMOTIONS, body,
                options.idempotencyKey != null ? options.idempotencyKey : UUID.randomUUID().toString());
        if (options.follow) {
            return new PromotionFollower(cli).follow(created.json().path("id").asText());
        }
        Renderer.render(cli.out(), options.output.format(), created, PromotionCommand::printPromotion);
        return ExitCodes.OK;
    }
}
