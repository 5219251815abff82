package dev.kiln.release.service;

import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.BoardStore;
import dev.kiln.release.domain.gate.EvidenceStore;
import dev.kiln.release.domain.publication.FeedEntry;
import dev.kiln.release.domain.publication.Manifest;
import dev.kiln.release.domain.publication.PackageList;
import dev.kiln.release.domain.publication.PreviousRelease;
import dev.kiln.release.domain.publication.PublicationRecords;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseStore;
import dev.kiln.release.domain.release.RiskRegister;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Assembles a release's manifest from what is stored: the release, its evidence, its channel and its published files. */
@ApplicationScoped
public class Manifests {

    private final ReleaseStore releases;
    private final EvidenceStore evidence;
    private final BoardStore boards;
    private final PublicationRecords records;
    private final RiskRegister risks;

    public Manifests(ReleaseStore releases, EvidenceStore evidence, BoardStore boards, PublicationRecords records,
            RiskRegister risks) {
        this.releases = releases;
        this.evidence = evidence;
        this.boards = boards;
        this.records = records;
        this.risks = risks;
    }

    @Transactional
    public Manifest of(String versionText) {
        Version version = Version.tryParse(versionText).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        Release release = releases.find(version).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        return of(release);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Manifest of(Release release) {
        Version version = release.version();
        Map<String, PackageList> packages = records.packages(version);
        List<FeedEntry> served = packages.isEmpty() ? List.of() : records.feed();
        Map<String, Manifest.Baseline> baselines = new HashMap<>();
        for (String arch : packages.keySet()) {
            List<Version> onArch = served.stream().filter(e -> e.architectures().contains(arch)).map(FeedEntry::version)
                    .filter(v -> !v.equals(version)).toList();
            PreviousRelease.of(version, onArch).ifPresent(previous -> Optional.ofNullable(records.packages(previous).get(arch))
                    .ifPresent(list -> baselines.put(arch, new Manifest.Baseline(previous, list))));
        }
        return Manifest.of(release, !risks.atRisk(Set.of(version)).isEmpty(), records.files(version),
                evidence.reports(version), evidence.approvals(version), boards.load(release.channel()).history(), packages,
                baselines);
    }
}
