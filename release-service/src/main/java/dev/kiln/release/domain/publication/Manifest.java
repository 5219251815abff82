package dev.kiln.release.domain.publication;

import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.BoardEntry;
import dev.kiln.release.domain.channel.ChannelStorage.StoredFile;
import dev.kiln.release.domain.gate.Approval;
import dev.kiln.release.domain.gate.TestReport;
import dev.kiln.release.domain.release.Release;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that went into a release and came out of it, as stored beside it ({@code kiln-manifest.json}): its
 * inputs, every output file with size and sha256 per arch, the test reports and approvals that opened its gates, its
 * channel history and, per arch, the package changes against the release before it ({@link PreviousRelease}).
 */
public record Manifest(String version, String channel, String state, boolean atRisk, Inputs inputs,
        Map<String, List<StoredFile>> outputs, List<Report> testReports, List<Decision> approvals,
        List<HistoryEntry> channelHistory, List<ArchChanges> packageChanges) {

    /**
     * What the release was built from; {@code branch} is Flatcar's release branch of its major; {@code pipeline} the
     * pipeline's name, {@code pipelineDigest} the sha256 of its definition as build-runner ran it, {@code params} the
     * build's params (null, null and empty for releases whose build did not say).
     */
    public record Inputs(String tag, String commit, String branch, String sdkVersion, String buildId, List<String> arches,
            List<String> vendors, String pipeline, String pipelineDigest, Map<String, String> params) {
    }

    public record Report(String reportId, String suite, String arch, String vendor, String result, int attempt,
            String detailsUrl, Instant receivedAt) {
    }

    public record Decision(String identity, String decision, String comment, Instant at) {
    }

    public record HistoryEntry(String action, String arch, String current, String actor, String reason, Instant at) {
    }

    /** The package changes of one arch against {@code against}, the release compared with. */
    public record ArchChanges(String arch, String against, List<String> added, List<String> removed,
            List<PackageChanges.Update> updated) {
    }

    /** The release an arch's packages are compared with, and its package list on that arch. */
    public record Baseline(Version version, PackageList packages) {
    }

    /** {@code packages}: this release's lists per arch; {@code baselines}: per arch, the release compared with, if any. */
    public static Manifest of(Release release, boolean atRisk, Map<String, List<StoredFile>> outputs, List<TestReport> reports,
            List<Approval> approvals, List<BoardEntry> history, Map<String, PackageList> packages,
            Map<String, Baseline> baselines) {
        Inputs inputs = new Inputs(release.tag().name(), release.commit(), "flatcar-" + release.version().major(),
                release.sdkVersion().toString(), release.buildId(), release.arches(), release.vendors(),
                release.pipeline().name(), release.pipeline().digest(), release.pipeline().params());
        List<ArchChanges> changes = new ArrayList<>();
        packages.forEach((arch, list) -> {
            Baseline baseline = baselines.get(arch);
            if (baseline != null) {
                PackageChanges c = PackageChanges.between(baseline.packages(), list);
                changes.add(new ArchChanges(arch, baseline.version().toString(), c.added(), c.removed(), c.updated()));
            }
        });
        return new Manifest(release.version().toString(), release.channel().id(), release.state().id(), atRisk, inputs, outputs,
                reports.stream().map(r -> new Report(r.reportId(), r.suite(), r.arch(), r.vendor(),
                        r.result().name().toLowerCase(Locale.ROOT), r.attempt(), r.detailsUrl(), r.receivedAt())).toList(),
                approvals.stream().map(a -> new Decision(a.identity(), a.decision().name().toLowerCase(Locale.ROOT), a.comment(),
                        a.at())).toList(),
                history.stream().filter(e -> e.version().equals(release.version()))
                        .map(e -> new HistoryEntry(e.action().name().toLowerCase(Locale.ROOT), e.arch(),
                                e.current().map(Version::toString).orElse(null), e.actor(), e.reason(), e.at())).toList(),
                changes);
    }
}
