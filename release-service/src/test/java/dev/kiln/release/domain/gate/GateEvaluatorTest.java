package dev.kiln.release.domain.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import dev.kiln.release.domain.Releases;
import dev.kiln.release.domain.release.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-08-25T10:00:00Z");
    private static final Release BETA_PROMOTION = Releases.candidate("4593.1.0");
    private static final Release STABLE_PATCH = Releases.candidate("4593.2.6");
    private static final Release ALPHA = Releases.candidate("4790.0.1");

    private static GatePolicy policy(Channel channel, int flakeAttempts, Duration soak, int approvals, RequiredSuite... suites) {
        return new GatePolicy(channel, List.of(suites), flakeAttempts, soak, approvals, false, false).validate();
    }

    /** {@code results} like "F,P": attempt 1 failed, attempt 2 passed, received in that order. */
    private static List<TestReport> attempts(String suite, String arch, String vendor, String results) {
        List<TestReport> out = new ArrayList<>();
        String[] each = results.isBlank() ? new String[0] : results.split(",");
        for (int i = 0; i < each.length; i++) {
            out.add(report(suite, arch, vendor, each[i].strip().equals("P"), i + 1, NOW.minusSeconds(600 - i)));
        }
        return out;
    }

    private static TestReport report(String suite, String arch, String vendor, boolean passed, int attempt, Instant at) {
        return new TestReport(suite + "-" + arch + "-" + vendor + "-" + attempt, suite, arch, vendor,
                passed ? TestReport.Result.PASSED : TestReport.Result.FAILED, attempt, null, at);
    }

    private static Approval approval(String identity, Approval.Decision decision, String... roles) {
        return new Approval(identity, Set.of(roles), decision, "ok", NOW);
    }

    private static Requirement.Suite onlySuite(GateReport report) {
        return report.requirements().stream().filter(Requirement.Suite.class::isInstance).map(Requirement.Suite.class::cast)
                .findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "window {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "3|      |MISSING",
            "3|F     |WAITING",
            "3|F,F   |WAITING",
            "3|F,P   |SATISFIED",
            "3|F,F,P |SATISFIED",
            "3|F,F,F |FAILED",
            "3|F,F,F,P|FAILED",
            "3|P,F   |SATISFIED",
            "3|P,F,F |SATISFIED",
            "3|P,F,F,F|FAILED",
            "3|P,F,F,F,P|SATISFIED",
            "1|F     |FAILED",
            "1|P     |SATISFIED",
            "1|P,F   |FAILED",
            "1|P,F,P |SATISFIED"})
    void appliesTheFlakeRuleAndRevocation(int window, String results, Status expected) {
        GatePolicy alpha = policy(Channel.ALPHA, window, Duration.ZERO, 0, new RequiredSuite("kola", RequiredSuite.Per.ARCH,
                List.of("amd64")));
        List<TestReport> reports = attempts("kola", "amd64", null, results == null ? "" : results);

        GateReport report = GateEvaluator.evaluate(ALPHA, alpha, reports, List.of(), Optional.empty(), NOW);

        assertThat(onlySuite(report).status()).isEqualTo(expected);
        assertThat(onlySuite(report).attempts()).as("every attempt is kept").hasSameSizeAs(reports);
    }

    @Test
    void countsARedeliveredReportOnce() {
        GatePolicy alpha = policy(Channel.ALPHA, 2, Duration.ZERO, 0, new RequiredSuite("kola", RequiredSuite.Per.ARCH, List.of("amd64")));
        TestReport failed = report("kola", "amd64", null, false, 1, NOW.minusSeconds(60));

        GateReport report = GateEvaluator.evaluate(ALPHA, alpha, List.of(failed, failed), List.of(), Optional.empty(), NOW);

        assertThat(onlySuite(report).status()).isEqualTo(Status.WAITING);
        assertThat(onlySuite(report).attempts()).containsExactly(failed);
    }

    @Test
    void judgesAttemptsByTheirNumberNotTheirArrival() {
        GatePolicy alpha = policy(Channel.ALPHA, 1, Duration.ZERO, 0, new RequiredSuite("kola", RequiredSuite.Per.ARCH, List.of("amd64")));
        TestReport secondArrivedFirst = report("kola", "amd64", null, true, 2, NOW.minusSeconds(120));
        TestReport first = report("kola", "amd64", null, false, 1, NOW.minusSeconds(60));

        GateReport report = GateEvaluator.evaluate(ALPHA, alpha, List.of(secondArrivedFirst, first), List.of(), Optional.empty(), NOW);

        assertThat(onlySuite(report).status()).isEqualTo(Status.FAILED);
        assertThat(onlySuite(report).attempts()).extracting(TestReport::attempt).containsExactly(1, 2);
    }

    @Test
    void requiresPerVendorSuitesOnEveryArchAndVendorBuilt() {
        GatePolicy alpha = policy(Channel.ALPHA, 3, Duration.ZERO, 0, RequiredSuite.perArch("kola"), RequiredSuite.perVendor("boot"));
        List<TestReport> reports = new ArrayList<>(attempts("kola", "amd64", "qemu", "P"));
        reports.addAll(attempts("boot", "arm64", "aws", "F,P"));

        GateReport report = GateEvaluator.evaluate(ALPHA, alpha, reports, List.of(), Optional.empty(), NOW);

        assertThat(report.requirements()).filteredOn(Requirement.Suite.class::isInstance).map(Requirement.Suite.class::cast)
                .extracting(Requirement.Suite::suite, Requirement.Suite::arch, Requirement.Suite::vendor, Requirement.Suite::status)
                .containsExactly(
                        tuple("kola", "amd64", null, Status.SATISFIED),
                        tuple("kola", "arm64", null, Status.MISSING),
                        tuple("boot", "amd64", "qemu", Status.MISSING),
                        tuple("boot", "amd64", "aws", Status.MISSING),
                        tuple("boot", "arm64", "qemu", Status.MISSING),
                        tuple("boot", "arm64", "aws", Status.SATISFIED));
        assertThat(report.verdict()).isEqualTo(GateReport.Verdict.PENDING);
    }

    @Test
    void keepsAListedVendorTheReleaseDidNotBuildMissing() {
        GatePolicy alpha = policy(Channel.ALPHA, 3, Duration.ZERO, 0, new RequiredSuite("boot", RequiredSuite.Per.VENDOR, List.of("azure")));

        GateReport report = GateEvaluator.evaluate(ALPHA, alpha, attempts("boot", "amd64", "qemu", "P"), List.of(), Optional.empty(), NOW);

        assertThat(report.requirements()).filteredOn(Requirement.Suite.class::isInstance).map(Requirement.Suite.class::cast)
                .extracting(Requirement.Suite::arch, Requirement.Suite::vendor, Requirement.Suite::status)
                .containsExactly(tuple("amd64", "azure", Status.MISSING), tuple("arm64", "azure", Status.MISSING));
    }

    @ParameterizedTest(name = "source published {0}, now {1}: {2}")
    @CsvSource({
            "2026-08-20T10:00:00Z, 2026-08-25T10:00:00Z, WAITING, PT48H",
            "2026-08-20T10:00:00Z, 2026-08-27T10:00:00Z, SATISFIED, PT0S",
            "2026-08-10T10:00:00Z, 2026-08-25T10:00:00Z, SATISFIED, PT0S",
            ", 2026-08-25T10:00:00Z, MISSING, PT168H"})
    void measuresTheSoakOfTheSourceInThePreviousChannel(String publishedAt, String now, Status expected, Duration remaining) {
        GatePolicy beta = policy(Channel.BETA, 3, Duration.ofDays(7), 0);
        Optional<Instant> source = Optional.ofNullable(publishedAt).map(Instant::parse);

        GateReport report = GateEvaluator.evaluate(BETA_PROMOTION, beta, List.of(), List.of(), source, Instant.parse(now));

        assertThat(report.requirements()).filteredOn(Requirement.Soak.class::isInstance).map(Requirement.Soak.class::cast)
                .singleElement().satisfies(soak -> {
                    assertThat(soak.status()).isEqualTo(expected);
                    assertThat(soak.remaining()).isEqualTo(remaining);
                });
    }

    @Test
    void asksNoSoakOfPatchesOrAlphas() {
        GatePolicy stable = policy(Channel.STABLE, 3, Duration.ofDays(14), 0);
        GatePolicy alpha = policy(Channel.ALPHA, 3, Duration.ZERO, 0);

        GateReport patch = GateEvaluator.evaluate(STABLE_PATCH, stable, List.of(), List.of(), Optional.empty(), NOW);
        GateReport newAlpha = GateEvaluator.evaluate(ALPHA, alpha, List.of(), List.of(), Optional.empty(), NOW);

        assertThat(patch.requirements()).noneMatch(Requirement.Soak.class::isInstance);
        assertThat(newAlpha.requirements()).noneMatch(Requirement.Soak.class::isInstance);
        assertThat(patch.verdict()).isEqualTo(GateReport.Verdict.HOLDS);
    }

    @ParameterizedTest(name = "{0} required, {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "2|bob:approve,carol:approve|SATISFIED|bob,carol",
            "2|alice:approve,bob:approve|WAITING  |bob",
            "1|alice:approve            |WAITING  |",
            "1|bob:approve,bob:approve  |SATISFIED|bob",
            "2|bob:approve,bob:approve  |WAITING  |bob",
            "1|dave:approve:tester      |WAITING  |",
            "1|bob:approve,carol:reject |FAILED   |",
            "0|alice:reject             |FAILED   |",
            "1|dave:reject:tester,bob:approve|SATISFIED|bob",
            "0|                         |SATISFIED|"})
    void countsDistinctReleasersOtherThanTheRequester(int required, String decisions, Status expected, String counted) {
        GatePolicy stable = policy(Channel.STABLE, 3, Duration.ZERO, required);
        List<Approval> approvals = decisions == null ? List.of() : Arrays.stream(decisions.split(",")).map(d -> d.strip().split(":"))
                .map(p -> approval(p[0], Approval.Decision.valueOf(p[1].toUpperCase()), p.length > 2 ? p[2] : Approval.RELEASER))
                .toList();

        GateReport report = GateEvaluator.evaluate(STABLE_PATCH, stable, List.of(), approvals, Optional.empty(), NOW);

        assertThat(report.requirements()).filteredOn(Requirement.Approvals.class::isInstance).map(Requirement.Approvals.class::cast)
                .singleElement().satisfies(gate -> {
                    assertThat(gate.status()).isEqualTo(expected);
                    assertThat(gate.counted()).containsExactlyElementsOf(counted == null ? List.of() : List.of(counted.split(",")));
                    assertThat(gate.decisions()).hasSameSizeAs(approvals);
                });
    }

    @Test
    void saysTheRequesterCannotApproveAlone() {
        GatePolicy stable = policy(Channel.STABLE, 3, Duration.ZERO, 1);

        GateReport report = GateEvaluator.evaluate(STABLE_PATCH, stable, List.of(),
                List.of(approval("alice", Approval.Decision.APPROVE, Approval.RELEASER)), Optional.empty(), NOW);

        assertThat(report.requirements()).last().extracting(Requirement::detail).asString()
                .contains("alice requested it and cannot approve it alone");
    }

    @Test
    void holdsWhenEverySuiteSoakAndApprovalIsSatisfiedAndFailsOnAnyFailure() {
        GatePolicy beta = policy(Channel.BETA, 2, Duration.ofDays(1), 1, new RequiredSuite("kola", RequiredSuite.Per.ARCH, List.of("amd64")));
        Optional<Instant> soaked = Optional.of(NOW.minus(Duration.ofDays(2)));
        List<Approval> bob = List.of(approval("bob", Approval.Decision.APPROVE, Approval.RELEASER));

        GateReport holds = GateEvaluator.evaluate(BETA_PROMOTION, beta, attempts("kola", "amd64", null, "F,P"), bob, soaked, NOW);
        GateReport failed = GateEvaluator.evaluate(BETA_PROMOTION, beta, attempts("kola", "amd64", null, "F,F"), bob, soaked, NOW);

        assertThat(holds.verdict()).isEqualTo(GateReport.Verdict.HOLDS);
        assertThat(holds.holds()).isTrue();
        assertThat(failed.verdict()).isEqualTo(GateReport.Verdict.FAILED);
    }

    @Test
    void refusesThePolicyOfAnotherChannel() {
        GatePolicy stable = policy(Channel.STABLE, 3, Duration.ZERO, 0);

        assertThatThrownBy(() -> GateEvaluator.evaluate(BETA_PROMOTION, stable, List.of(), List.of(), Optional.empty(), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.slug()).isEqualTo("gate-policy-channel-mismatch"));
    }
}
