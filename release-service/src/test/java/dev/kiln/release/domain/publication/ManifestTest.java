package dev.kiln.release.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.Releases;
import dev.kiln.release.domain.channel.BoardEntry;
import dev.kiln.release.domain.channel.ChannelStorage.StoredFile;
import dev.kiln.release.domain.gate.Approval;
import dev.kiln.release.domain.gate.TestReport;
import dev.kiln.release.domain.release.Release;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final Instant AT = Instant.parse("2026-11-20T13:00:00Z");
    private static final Release STABLE_4593_2_5 = Releases.published("4593.2.5", AT);
    private static final PackageList AMD64 = PackageList.parse("sys-kernel/coreos-kernel-6.6.60::coreos-overlay\n");
    private static final PackageList ARM64 = PackageList.parse("sys-kernel/coreos-kernel-6.6.60::coreos-overlay\n");

    private static Manifest manifest(Map<String, Manifest.Baseline> baselines) {
        return Manifest.of(STABLE_4593_2_5, false,
                Map.of("amd64", List.of(new StoredFile("version.txt", 189, "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef"))),
                List.of(new TestReport("kola-1", "kola", "amd64", "qemu", TestReport.Result.PASSED, 1, null, AT)),
                List.of(new Approval("alice", Set.of("releaser"), Approval.Decision.APPROVE, "go", AT)),
                List.of(new BoardEntry(BoardEntry.Action.PUBLISH, "amd64", Version.parse("4593.2.5"), Optional.of(Version.parse("4593.2.5")),
                                "bob", "published", AT),
                        new BoardEntry(BoardEntry.Action.PUBLISH, "amd64", Version.parse("4593.2.4"), Optional.of(Version.parse("4593.2.4")),
                                "bob", "published", AT.minusSeconds(86400))),
                Map.of("amd64", AMD64, "arm64", ARM64), baselines);
    }

    @Test
    void carriesInputsOutputsEvidenceAndOnlyThisReleasesHistory() {
        Manifest m = manifest(Map.of());

        assertThat(m.inputs()).isEqualTo(new Manifest.Inputs("stable-4593.2.5", "3c7d5e2a9f", "flatcar-4593", "4790.0.0",
                "k7xq2m4pza", List.of("amd64", "arm64"), List.of("qemu", "aws"), "os",
                "4be2f6c1a9d03e7b5c8f1a2d6e9b0c3f7a4d8e1b5c9f2a6d0e3b7c1f4a8d2e5b", Map.of("seedSdkVersion", "4593.0.0")));
        assertThat(m.state()).isEqualTo("published");
        assertThat(m.outputs().get("amd64")).extracting(StoredFile::name).containsExactly("version.txt");
        assertThat(m.testReports()).extracting(Manifest.Report::result).containsExactly("passed");
        assertThat(m.approvals()).extracting(Manifest.Decision::decision).containsExactly("approve");
        assertThat(m.channelHistory()).hasSize(1).first().extracting(Manifest.HistoryEntry::current).isEqualTo("4593.2.5");
    }

    @Test
    void comparesEachArchWithItsBaselineAndSkipsArchesWithout() {
        PackageList before = PackageList.parse("sys-kernel/coreos-kernel-6.6.54::coreos-overlay\n");

        Manifest m = manifest(Map.of("amd64", new Manifest.Baseline(Version.parse("4593.2.4"), before)));

        assertThat(m.packageChanges()).singleElement().satisfies(c -> {
            assertThat(c.arch()).isEqualTo("amd64");
            assertThat(c.against()).isEqualTo("4593.2.4");
            assertThat(c.updated()).containsExactly(new PackageChanges.Update("sys-kernel/coreos-kernel", "6.6.54", "6.6.60"));
        });
    }
}
