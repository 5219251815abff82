package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;
import dev.kiln.common.error.DomainException.Kind;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.gate.Approval;
import dev.kiln.release.domain.gate.EvidenceStore;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import dev.kiln.release.domain.release.ReleaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/** Records a releaser's decision on a release, one per identity, and settles the gates. */
@ApplicationScoped
public class Approvals {

    /** Decisions are taken while the release is still being decided on. */
    private static final Set<ReleaseState> OPEN = EnumSet.of(ReleaseState.CANDIDATE, ReleaseState.READY);

    private final ReleaseStore releases;
    private final EvidenceStore evidence;
    private final GateKeeper gates;
    private final Clock clock;

    public Approvals(ReleaseStore releases, EvidenceStore evidence, GateKeeper gates, Clock clock) {
        this.releases = releases;
        this.evidence = evidence;
        this.gates = gates;
        this.clock = clock;
    }

    /** Returns the decision as stored and the release as it is afterwards. */
    public record Outcome(Approval approval, Release release) {
    }

    @Transactional
    public Outcome decide(String versionText, String decisionText, String comment, String identity, Set<String> roles) {
        Approval.Decision decision = decision(decisionText);
        if (comment != null && comment.length() > 2000) {
            throw new DomainException(Kind.INVALID, "invalid-approval", "comment is longer than 2000 characters");
        }
        Version version = Version.tryParse(versionText).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        Release release = releases.lock(version).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        if (!OPEN.contains(release.state())) {
            throw new DomainException(Kind.CONFLICT, "release-not-open", "release " + version + " is " + release.state().id()
                    + "; decisions are taken on candidate and ready releases");
        }
        if (evidence.approvals(version).stream().anyMatch(a -> a.identity().equals(identity))) {
            throw new DomainException(Kind.CONFLICT, "already-decided", identity + " already decided on " + version
                    + "; one decision per identity");
        }
        Approval approval = new Approval(identity, roles, decision, comment, clock.instant());
        evidence.add(version, approval);
        return new Outcome(approval, gates.settle(release, identity));
    }

    private static Approval.Decision decision(String text) {
        return switch (text == null ? "" : text) {
            case "approve" -> Approval.Decision.APPROVE;
            case "reject" -> Approval.Decision.REJECT;
            default -> throw new DomainException(Kind.INVALID, "invalid-approval",
                    "decision must be approve or reject, was '" + text + "'");
        };
    }
}
