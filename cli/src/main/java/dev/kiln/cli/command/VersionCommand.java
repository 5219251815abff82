package dev.kiln.cli.command;

import dev.kiln.cli.Cli;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.Query;
import dev.kiln.cli.http.Service;
import dev.kiln.cli.output.OutputOptions;
import dev.kiln.cli.output.Renderer;
import dev.kiln.cli.output.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "version", description = "Versions and tags (version-service): parse, allocate, list, show, delete.")
public final class VersionCommand extends Noun {

    private static final String VERSIONS = "/api/v1/versions";

    private final Cli cli;

    public VersionCommand(Cli cli) {
        this.cli = cli;
    }

    @Command(name = "parse", description = "Take a tag or version apart (asks version-service; nothing is allocated).")
    int parse(@Parameters(paramLabel = "VALUE") String value, @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(),
                cli.api().get(Service.VERSION_SERVICE, VERSIONS + "/parse" + Query.of().add("value", value)),
                Renderer::printFields);
        return ExitCodes.OK;
    }

    @Command(name = "allocate", description = "Allocate the next version of a kind: tag it and push it.")
    int allocate(@Option(names = "--kind", required = true,
                    description = "nightly, alpha, promotion, patch or dev.") String kind,
            @Option(names = "--branch") String branch,
            @Option(names = "--from", description = "A release tag or version (promotion, patch, dev).") String from,
            @Option(names = "--to", description = "The next channel (promotion).") String to,
            @Option(names = "--suffix", description = "The dev tag's suffix.") String suffix,
            @Option(names = "--sdk-version") String sdkVersion,
            @Option(names = "--idempotency-key", paramLabel = "KEY",
                    description = "Retrying with the same key returns the first allocation.") String key,
            @Mixin OutputOptions output) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        putIfSet(body, "branch", branch);
        putIfSet(body, "from", from);
        putIfSet(body, "to", to);
        putIfSet(body, "suffix", suffix);
        putIfSet(body, "sdkVersion", sdkVersion);
        Renderer.render(cli.out(), output.format(), cli.api().post(Service.VERSION_SERVICE, VERSIONS, body,
                key != null ? key : UUID.randomUUID().toString()), Renderer::printFields);
        return ExitCodes.OK;
    }

    @Command(name = "list", description = "Allocations, newest first.")
    int list(@Option(names = "--group", description = "alpha, beta, stable, lts, developer.") String group,
            @Option(names = "--branch") String branch,
            @Option(names = "--official", arity = "1", description = "true or false.") Boolean official,
            @Option(names = "--kind") String kind,
            @Option(names = "--status", description = "tagged (default), pending, deleted or all.") String status,
            @Mixin PageOptions page, @Mixin OutputOptions output) {
        Query query = page.addTo(Query.of().add("group", group).add("branch", branch).add("official", official)
                .add("kind", kind).add("status", status));
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.VERSION_SERVICE, VERSIONS + query),
                (out, doc) -> Renderer.printPage(out, doc, new Table().column("TAG", "/tag").column("KIND", "/kind")
                        .column("STATUS", "/status").column("BRANCH", "/branch").column("SDK", "/sdkVersion")
                        .column("CREATED", "/createdAt")));
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "One allocation, whatever its status.")
    int show(@Parameters(paramLabel = "TAG") String tag, @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.VERSION_SERVICE, path(tag)),
                Renderer::printFields);
        return ExitCodes.OK;
    }

    @Command(name = "file", description = "version.txt as committed at any tag of the scripts repository.")
    int file(@Parameters(paramLabel = "TAG") String tag) {
        cli.out().print(cli.api().getText(Service.VERSION_SERVICE, path(tag) + "/version.txt").body());
        return ExitCodes.OK;
    }

    @Command(name = "delete", description = "Delete a dev tag (nightlies and dev builds) on the remote.")
    int delete(@Parameters(paramLabel = "TAG") String tag, @Option(names = "--reason") String reason) {
        cli.api().delete(Service.VERSION_SERVICE, path(tag) + Query.of().add("reason", reason));
        cli.out().printf("Deleted tag %s.%n", tag);
        return ExitCodes.OK;
    }

    private static String path(String tag) {
        return VERSIONS + "/" + Query.segment(tag);
    }

    private static void putIfSet(Map<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
