package dev.kiln.release.domain.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.flatcar.Channel;
import dev.kiln.release.domain.Releases;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateProgressTest {

    private static final Instant NOW = Instant.parse("2026-08-25T10:00:00Z");
    private static final GatePolicy ALPHA = new GatePolicy(Channel.ALPHA, List.of(RequiredSuite.perArch("kola")), 2,
            Duration.ZERO, 1, false, false).validate();

    private static GateReport gates(Release release, List<TestReport> reports, Approval... approvals) {
        return GateEvaluator.evaluate(release, ALPHA, reports, List.of(approvals), Optional.empty(), NOW);
    }

    private static List<TestReport> kola(String... results) {
        List<TestReport> out = new ArrayList<>();
        for (String arch : List.of("amd64", "arm64")) {
            for (int i = 0; i < results.length; i++) {
                out.add(new TestReport(arch + i, "kola", arch, null,
                        results[i].equals("P") ? TestReport.Result.PASSED : TestReport.Result.FAILED, i + 1, null,
                        NOW.minusSeconds(100 - i)));
            }
        }
        return out;
    }

    private static Approval approve(String who) {
        return new Approval(who, Set.of("releaser"), Approval.Decision.APPROVE, "go", NOW);
    }

    @Test
    void candidateWhoseGatesHoldBecomesReady() {
        Release candidate = Releases.candidate("4790.0.1");

        Optional<Release.Change> next = GateProgress.next(candidate, gates(candidate, kola("F", "P"), approve("bob")), "bob", NOW);

        assertThat(next).get().extracting(c -> c.release().state()).isEqualTo(ReleaseState.READY);
    }

    @Test
    void candidateWithPendingGatesStays() {
        Release candidate = Releases.candidate("4790.0.1");

        assertThat(GateProgress.next(candidate, gates(candidate, kola("P")), "tester", NOW)).isEmpty();
    }

    @Test
    void candidateWhoseSuiteFailedTheWindowIsRejectedWithTheReason() {
        Release candidate = Releases.candidate("4790.0.1");

        Release.Change change = GateProgress.next(candidate, gates(candidate, kola("F", "F")), "tester", NOW).orElseThrow();

        assertThat(change.release().state()).isEqualTo(ReleaseState.REJECTED);
        assertThat(change.transition().reason()).contains("kola on amd64: failed all 2 attempt(s)");
    }

    @Test
    void readyReleaseWhoseGateIsRevokedGoesBackToCandidate() {
        Release ready = Releases.ready("4790.0.1");

        Release.Change change = GateProgress.next(ready, gates(ready, kola("P", "P", "F"), approve("bob")), "tester", NOW)
                .orElseThrow();

        assertThat(change.release().state()).isEqualTo(ReleaseState.CANDIDATE);
        assertThat(change.transition().reason()).contains("revoked");
    }

    @Test
    void revokedCandidateWaitsForARerunInsteadOfBeingRejected() {
        Release revoked = Releases.ready("4790.0.1").revokeReadiness("tester", "kola failed", NOW).release();

        assertThat(GateProgress.next(revoked, gates(revoked, kola("P", "P", "F"), approve("bob")), "tester", NOW)).isEmpty();
        assertThat(GateProgress.next(revoked, gates(revoked, kola("P", "P", "F", "P"), approve("bob")), "tester", NOW))
                .get().extracting(c -> c.release().state()).isEqualTo(ReleaseState.READY);
    }

    @Test
    void aReleasersRejectRejectsEvenAReadyRelease() {
        Release ready = Releases.ready("4790.0.1");
        Approval reject = new Approval("carol", Set.of("releaser"), Approval.Decision.REJECT, "kernel regression", NOW);

        Release.Change change = GateProgress.next(ready, gates(ready, kola("P"), approve("bob"), reject), "carol", NOW)
                .orElseThrow();

        assertThat(change.release().state()).isEqualTo(ReleaseState.REJECTED);
        assertThat(change.transition().reason()).contains("rejected by carol: kernel regression");
    }

    @Test
    void publishedReleasesAreNotMovedByTheirGates() {
        Release published = Releases.published("4790.0.1", NOW.minusSeconds(3600));

        assertThat(GateProgress.next(published, gates(published, kola("F", "F")), "tester", NOW)).isEmpty();
    }
}
