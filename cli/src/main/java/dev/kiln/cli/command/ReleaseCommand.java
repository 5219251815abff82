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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release", description = "Releases (release-service): list, show, gates, report, approve, reject, "
        + "withdraw, manifest.")
public final class ReleaseCommand extends Noun {

    private static final String RELEASES = "/api/v1/releases";

    /** A test report's outcome; the service takes exactly these words. */
    enum Result { passed, failed }

    private final Cli cli;

    public ReleaseCommand(Cli cli) {
        this.cli = cli;
    }

    @Command(name = "list", description = "Releases, newest version first.")
    int list(@Option(names = "--channel", description = "alpha, beta, stable or lts.") String channel,
            @Option(names = "--state", description = "candidate, ready, published, superseded, rejected, withdrawn.")
            String state,
            @Mixin PageOptions page, @Mixin OutputOptions output) {
        Query query = page.addTo(Query.of().add("channel", channel).add("state", state));
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.RELEASE_SERVICE, RELEASES + query),
                (out, doc) -> Renderer.printPage(out, doc, new Table().column("VERSION", "/version")
                        .column("CHANNEL", "/channel").column("STATE", "/state").column("ARCHES", "/arches")
                        .column("VENDORS", "/vendors").column("BUILD", "/buildId").column("CREATED", "/createdAt")));
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "One release and its transitions.")
    int show(@Parameters(paramLabel = "VERSION", description = "An official version, e.g. 4593.2.5.") String version,
            @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.RELEASE_SERVICE, path(version)),
                ReleaseTables::printRelease);
        return ExitCodes.OK;
    }

    @Command(name = "gates", description = "Every gate of the release: suite x arch x vendor with attempts, soak, "
            + "approvals, and the verdict.")
    int gates(@Parameters(paramLabel = "VERSION") String version, @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.RELEASE_SERVICE, path(version) + "/gates"),
                ReleaseTables::printGates);
        return ExitCodes.OK;
    }

    @Command(name = "report", description = "Report one attempt of a test suite (role tester).")
    int report(@Parameters(paramLabel = "VERSION") String version,
            @Option(names = "--suite", required = true, description = "kola, qemu_update, ... as the policy names it.")
            String suite,
            @Option(names = "--arch", required = true, description = "amd64 or arm64.") String arch,
            @Option(names = "--vendor", description = "The vendor image (qemu_uefi, ami, ...); per-vendor suites only.")
            String vendor,
            @Option(names = "--result", required = true, description = "passed or failed.") Result result,
            @Option(names = "--attempt", paramLabel = "N", description = "Default: the next attempt.") Integer attempt,
            @Option(names = "--details-url", paramLabel = "URL", description = "Where the test run's logs are.")
            String detailsUrl,
            @Option(names = "--report-id", paramLabel = "ID",
                    description = "The test system's id; sending it again is a no-op.") String reportId,
            @Mixin OutputOptions output) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("suite", suite);
        body.put("arch", arch);
        Bodies.putIfSet(body, "vendor", vendor);
        body.put("result", result.name());
        Bodies.putIfSet(body, "attempt", attempt);
        Bodies.putIfSet(body, "detailsUrl", detailsUrl);
        Bodies.putIfSet(body, "reportId", reportId);
        Renderer.render(cli.out(), output.format(),
                cli.api().post(Service.RELEASE_SERVICE, path(version) + "/test-reports", body, null),
                Renderer::printFields);
        return ExitCodes.OK;
    }

    @Command(name = "approve", description = "Approve the release (role releaser; once per identity).")
    int approve(@Parameters(paramLabel = "VERSION") String version, @Option(names = "--comment") String comment,
            @Mixin OutputOptions output) {
        return decide(version, "approve", comment, output);
    }

    @Command(name = "reject", description = "Reject the release (role releaser): one rejection is final.")
    int reject(@Parameters(paramLabel = "VERSION") String version,
            @Option(names = "--comment", required = true, description = "Why; kept with the decision.") String comment,
            @Mixin OutputOptions output) {
        return decide(version, "reject", comment, output);
    }

    private int decide(String version, String decision, String comment, OutputOptions output) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        Bodies.putIfSet(body, "comment", comment);
        Renderer.render(cli.out(), output.format(),
                cli.api().post(Service.RELEASE_SERVICE, path(version) + "/approvals", body, null),
                Renderer::printFields);
        return ExitCodes.OK;
    }

    @Command(name = "withdraw", description = "Withdraw a release everywhere (role releaser): rolled back where it "
            + "is current, gone from the feeds, its channel files answer 410.")
    int withdraw(@Parameters(paramLabel = "VERSION") String version,
            @Option(names = "--reason", required = true) String reason, @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(), cli.api().post(Service.RELEASE_SERVICE, path(version)
                + "/withdraw", Map.of("reason", reason), null), ReleaseTables::printRelease);
        return ExitCodes.OK;
    }

    @Command(name = "manifest", description = "Inputs, output files, test reports, approvals, channel history and "
            + "package changes against the channel's previous release.")
    int manifest(@Parameters(paramLabel = "VERSION") String version, @Mixin OutputOptions output) {
        Renderer.render(cli.out(), output.format(), cli.api().get(Service.RELEASE_SERVICE, path(version)
                + "/manifest"), ManifestTable::print);
        return ExitCodes.OK;
    }

    private static String path(String version) {
        return RELEASES + "/" + Query.segment(version);
    }
}
