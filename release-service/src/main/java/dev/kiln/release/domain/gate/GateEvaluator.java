package dev.kiln.release.domain.gate;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.release.domain.release.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a release's gates as a pure function of what is known: the same inputs give the same report, so it
 * can run again after every report, approval, restart or tick of the clock. Suites follow {@link FlakeRule}; a
 * per-arch suite takes reports of any vendor on that arch, a per-vendor suite only its vendor's. The soak applies
 * to promotions only (the {@code .0} of beta, stable or lts: patches and alphas have no source in the previous
 * channel). Approvals count distinct identities with role {@code releaser} other than the release's requester; a
 * reject by any releaser (the requester included) fails the gate.
 */
public final class GateEvaluator {

    private GateEvaluator() {
    }

    public static GateReport evaluate(Release release, GatePolicy policy, List<TestReport> reports, List<Approval> approvals,
            Optional<Instant> sourcePublishedAt, Instant now) {
        if (policy.channel() != release.channel()) {
            throw new DomainException(DomainException.Kind.INVALID, "gate-policy-channel-mismatch", "release " + release.version()
                    + " is for " + release.channel().id() + ", the policy for " + policy.channel().id());
        }
        List<Requirement> requirements = new ArrayList<>(suites(release, policy, reports));
        if (isPromotion(release)) {
            requirements.add(soak(policy.minimumSoak(), sourcePublishedAt, now));
        }
        requirements.add(approvals(policy.requiredApprovals(), release.requestedBy(), approvals));
        return new GateReport(release.version(), requirements, GateReport.verdictOf(requirements));
    }

    private static boolean isPromotion(Release release) {
        return release.channel() != Channel.ALPHA && release.version().patch() == 0;
    }

    private static List<Requirement> suites(Release release, GatePolicy policy, List<TestReport> reports) {
        List<Requirement> out = new ArrayList<>();
        for (RequiredSuite required : policy.suites()) {
            for (String arch : arches(release, required)) {
                for (String vendor : vendors(release, required)) {
                    List<TestReport> attempts = FlakeRule.attempts(reports.stream()
                            .filter(r -> r.suite().equals(required.suite()) && r.arch().equals(arch))
                            .filter(r -> vendor == null || vendor.equals(r.vendor())).toList());
                    FlakeRule.Decision decision = FlakeRule.decide(attempts, policy.flakeAttempts());
                    out.add(new Requirement.Suite(required.suite(), arch, vendor, policy.flakeAttempts(), attempts,
                            decision.status(), decision.detail()));
                }
            }
        }
        return out;
    }

    private static List<String> arches(Release release, RequiredSuite required) {
        return required.per() == RequiredSuite.Per.ARCH && !required.listed().isEmpty() ? required.listed() : release.arches();
    }

    /** A one-element list holding null stands for "the arch as a whole". */
    private static List<String> vendors(Release release, RequiredSuite required) {
        if (required.per() == RequiredSuite.Per.ARCH) {
            return Collections.singletonList(null);
        }
        return required.listed().isEmpty() ? release.vendors() : required.listed();
    }

    private static Requirement soak(Duration minimum, Optional<Instant> sourcePublishedAt, Instant now) {
        if (minimum.isZero()) {
            return new Requirement.Soak(minimum, sourcePublishedAt, Duration.ZERO, Status.SATISFIED, "no soak required");
        }
        if (sourcePublishedAt.isEmpty()) {
            return new Requirement.Soak(minimum, sourcePublishedAt, minimum, Status.MISSING,
                    "the source release is not published in the previous channel");
        }
        Duration remaining = minimum.minus(Duration.between(sourcePublishedAt.get(), now));
        if (remaining.isNegative() || remaining.isZero()) {
            return new Requirement.Soak(minimum, sourcePublishedAt, Duration.ZERO, Status.SATISFIED, "soaked " + minimum);
        }
        return new Requirement.Soak(minimum, sourcePublishedAt, remaining, Status.WAITING, remaining + " of soak left");
    }

    private static Requirement approvals(int required, Optional<String> requester, List<Approval> decisions) {
        List<Approval> releasers = decisions.stream().filter(Approval::byReleaser).toList();
        Optional<Approval> reject = releasers.stream().filter(a -> a.decision() == Approval.Decision.REJECT).findFirst();
        if (reject.isPresent()) {
            return new Requirement.Approvals(required, List.of(), decisions, Status.FAILED,
                    "rejected by " + reject.get().identity() + ": " + Objects.requireNonNullElse(reject.get().comment(), ""));
        }
        Set<String> counted = new LinkedHashSet<>();
        releasers.stream().filter(a -> requester.map(r -> !r.equals(a.identity())).orElse(true))
                .forEach(a -> counted.add(a.identity()));
        List<String> names = List.copyOf(counted);
        if (names.size() >= required) {
            return new Requirement.Approvals(required, names, decisions, Status.SATISFIED, names.size() + " of " + required + " approval(s)");
        }
        String note = requester.filter(r -> releasers.stream().anyMatch(a -> a.identity().equals(r)))
                .map(r -> "; " + r + " requested it and cannot approve it alone").orElse("");
        return new Requirement.Approvals(required, names, decisions, Status.WAITING,
                names.size() + " of " + required + " approval(s)" + note);
    }
}
