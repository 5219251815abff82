package dev.kiln.release.domain.gate;

import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a release goes after its gates were evaluated, a pure decision taken after every report and approval:
 * <ul>
 * <li>a candidate whose gates hold becomes ready;
 * <li>a candidate whose gates failed is rejected, unless it was ready before and only tests fail: a revoked gate
 * waits for a passing rerun (see {@link FlakeRule}) instead of killing the release;
 * <li>a ready release whose gates failed goes back to candidate (gate revoked), or is rejected when a releaser
 * rejected it;
 * <li>anything else stays where it is (published releases are not moved by their gates here).
 * </ul>
 */
public final class GateProgress {

    private GateProgress() {
    }

    public static Optional<Release.Change> next(Release release, GateReport gates, String actor, Instant now) {
        return switch (release.state()) {
            case CANDIDATE -> switch (gates.verdict()) {
                case HOLDS -> Optional.of(release.markReady(actor, "every gate holds", now));
                case FAILED -> wasRevoked(release) && !rejectedByReleaser(gates) ? Optional.empty()
                        : Optional.of(release.reject(actor, failures(gates), now));
                case PENDING -> Optional.empty();
            };
            case READY -> gates.verdict() != GateReport.Verdict.FAILED ? Optional.empty()
                    : Optional.of(rejectedByReleaser(gates) ? release.reject(actor, failures(gates), now)
                            : release.revokeReadiness(actor, failures(gates), now));
            default -> Optional.empty();
        };
    }

    /** The failed requirements, one per line part, for transitions and events. */
    public static String failures(GateReport gates) {
        return gates.requirements().stream().filter(r -> r.status() == Status.FAILED).map(GateProgress::describe)
                .collect(Collectors.joining("; "));
    }

    /** One requirement in words: {@code kola on amd64/qemu_uefi: failed all 2 attempt(s)...}. */
    public static String describe(Requirement requirement) {
        return switch (requirement) {
            case Requirement.Suite s -> s.suite() + " on " + s.arch() + (s.vendor() == null ? "" : "/" + s.vendor()) + ": " + s.detail();
            case Requirement.Soak s -> "soak: " + s.detail();
            case Requirement.Approvals a -> "approvals: " + a.detail();
        };
    }

    private static boolean wasRevoked(Release release) {
        return release.history().stream().anyMatch(t -> t.from() == ReleaseState.READY && t.to() == ReleaseState.CANDIDATE);
    }

    private static boolean rejectedByReleaser(GateReport gates) {
        return gates.requirements().stream().anyMatch(r -> r instanceof Requirement.Approvals && r.status() == Status.FAILED);
    }
}
