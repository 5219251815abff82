package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;
import dev.kiln.common.error.DomainException.Kind;
import dev.kiln.common.outbox.Outbox;
import dev.kiln.events.TestReported;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.gate.EvidenceStore;
import dev.kiln.release.domain.gate.EvidenceStore.StoredReport;
import dev.kiln.release.domain.gate.GatePolicies;
import dev.kiln.release.domain.gate.RequiredSuite;
import dev.kiln.release.domain.gate.TestReport;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes test reports: checks them against the release and its channel's policy, keeps every attempt, puts reports
 * received over REST on {@code kiln.tests} (so the topic is the one complete record) and settles the gates. A report
 * is checked completely before anything is written, so a refused one changes nothing.
 */
@ApplicationScoped
public class TestReports {

    /** A stored report and whether this call stored it (false: a redelivery of the same reportId). */
    public record Outcome(Version version, TestReport report, String reportedBy, boolean created) {
    }

    private final ReleaseStore releases;
    private final EvidenceStore evidence;
    private final GatePolicies policies;
    private final GateKeeper gates;
    private final Outbox outbox;
    private final Clock clock;

    public TestReports(ReleaseStore releases, EvidenceStore evidence, GatePolicies policies, GateKeeper gates, Outbox outbox,
            Clock clock) {
        this.releases = releases;
        this.evidence = evidence;
        this.policies = policies;
        this.gates = gates;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A report received over REST from {@code reportedBy}; it is also appended to {@code kiln.tests}. */
    @Transactional
    public Outcome report(String version, NewTestReport report, String reportedBy) {
        return take(version, report, reportedBy, true);
    }

    /**
     * A report a test system put on {@code kiln.tests} itself; not echoed back. A refusal leaves the consumer's
     * transaction usable (nothing was written before it), so the event is marked handled rather than retried.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public Outcome reported(String version, NewTestReport report, String reportedBy) {
        return take(version, report, reportedBy, false);
    }

    private Outcome take(String versionText, NewTestReport in, String reportedBy, boolean echo) {
        TestReport.Result result = checkFields(in);
        Version version = Version.tryParse(versionText).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        Release release = releases.lock(version).orElseThrow(() -> new ReleaseNotFoundException(versionText));
        if (in.reportId() != null) {
            Optional<StoredReport> stored = evidence.report(in.reportId());
            if (stored.isPresent()) {
                return replay(stored.get(), version, in, result);
            }
        }
        checkTarget(release, in);
        int attempt = in.attempt() != null ? in.attempt()
                : evidence.lastAttempt(version, in.suite(), in.arch(), in.vendor()) + 1;
        TestReport report = new TestReport(in.reportId() != null ? in.reportId() : UUID.randomUUID().toString(), in.suite(),
                in.arch(), in.vendor(), result, attempt, in.detailsUrl(), clock.instant());
        evidence.add(version, report, reportedBy);
        if (echo) {
            outbox.append(new TestReported(report.reportId(), version.toString(), report.suite(), report.arch(), report.vendor(),
                    result.name().toLowerCase(Locale.ROOT), reportedBy, report.detailsUrl(), report.receivedAt(), attempt));
        }
        gates.settle(release, "test:" + reportedBy);
        return new Outcome(version, report, reportedBy, true);
    }

    private static TestReport.Result checkFields(NewTestReport in) {
        require(in.suite(), "suite");
        require(in.arch(), "arch");
        if (in.vendor() != null && in.vendor().isBlank()) {
            throw invalid("vendor is blank; leave it out for a report about the arch as a whole");
        }
        if (in.attempt() != null && in.attempt() < 1) {
            throw invalid("attempt counts from 1, was " + in.attempt());
        }
        if (in.reportId() != null && (in.reportId().isBlank() || in.reportId().length() > 255)) {
            throw invalid("reportId is 1 to 255 characters");
        }
        if (in.detailsUrl() != null && in.detailsUrl().length() > 2000) {
            throw invalid("detailsUrl is longer than 2000 characters");
        }
        if (in.detailsUrl() != null && !isWebLink(in.detailsUrl())) {
            // the console shows it as a link: a javascript: or data: URL there would run in a releaser's browser
            throw invalid("detailsUrl must be an http or https URL, e.g. https://jenkins.example/job/kola/42/");
        }
        return switch (Objects.requireNonNullElse(in.result(), "")) {
            case "passed" -> TestReport.Result.PASSED;
            case "failed" -> TestReport.Result.FAILED;
            default -> throw invalid("result must be passed or failed, was '" + in.result() + "'");
        };
    }

    private static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void checkTarget(Release release, NewTestReport in) {
        RequiredSuite suite = policies.of(release.channel()).suites().stream().filter(s -> s.suite().equals(in.suite()))
                .findFirst().orElseThrow(() -> new DomainException(Kind.ILLEGAL, "unknown-suite", "the " + release.channel().id()
                        + " policy requires no suite '" + in.suite() + "'; it requires "
                        + policies.of(release.channel()).suites().stream().map(RequiredSuite::suite).toList()));
        if (!release.arches().contains(in.arch())) {
            throw new DomainException(Kind.ILLEGAL, "arch-not-built", release.version() + " was built for " + release.arches()
                    + ", not " + in.arch());
        }
        if (in.vendor() != null && !release.vendors().contains(in.vendor())) {
            throw new DomainException(Kind.ILLEGAL, "vendor-not-built", release.version() + " was built with vendor images "
                    + release.vendors() + ", not " + in.vendor());
        }
        if (suite.per() == RequiredSuite.Per.VENDOR && in.vendor() == null) {
            throw new DomainException(Kind.ILLEGAL, "vendor-required", "suite '" + in.suite()
                    + "' is required per vendor image; name the vendor the report is about");
        }
    }

    /** The same reportId again: the stored report when it says the same, else a conflict. */
    private static Outcome replay(StoredReport stored, Version version, NewTestReport in, TestReport.Result result) {
        TestReport r = stored.report();
        boolean same = stored.version().equals(version) && r.suite().equals(in.suite()) && r.arch().equals(in.arch())
                && Objects.equals(r.vendor(), in.vendor()) && r.result() == result
                && (in.attempt() == null || in.attempt() == r.attempt());
        if (!same) {
            throw new DomainException(Kind.CONFLICT, "report-id-reused", "reportId " + r.reportId()
                    + " was already used for another report (" + stored.version() + " " + r.suite() + " on " + r.arch()
                    + (r.vendor() == null ? "" : "/" + r.vendor()) + ", attempt " + r.attempt() + ", "
                    + r.result().name().toLowerCase(Locale.ROOT) + ")");
        }
        return new Outcome(stored.version(), r, stored.reportedBy(), false);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
    }

    private static DomainException invalid(String detail) {
        return new DomainException(Kind.INVALID, "invalid-test-report", detail);
    }
}
