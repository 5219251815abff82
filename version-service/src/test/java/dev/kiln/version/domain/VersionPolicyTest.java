package dev.kiln.version.domain;

import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.VersionRequest;
import dev.kiln.flatcar.InvalidVersionRequestException;
import dev.kiln.flatcar.MalformedVersionException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionPolicyTest {

    private static final Instant AUG_22_2100 = Instant.parse("2026-08-22T21:00:00Z");

    private final VersionPolicy policy = new VersionPolicy(PolicySettings.FLATCAR);
    private final FakeScriptsRepo repo = FakeScriptsRepo.flatcarLike();

    @ParameterizedTest(name = "{0} {1}{2}{4} -> {7}")
    @CsvSource(nullValues = "-", value = {
            // kind    | branch          | from                 | to   | suffix                   | sdkVersion | now                  | tag                                      | FLATCAR_VERSION                    | FLATCAR_SDK_VERSION            | base         | pushed to    | new branch
            "NIGHTLY,   -,                -,                     -,     -,                         -,           2026-08-22T21:00:00Z, main-4800.0.0-nightly-20260822-2100,       4800.0.0+nightly-20260822-2100,      4800.0.0+nightly-20260822-2100,  main,          main,          false",
            "NIGHTLY,   main,             -,                     -,     -,                         -,           2026-08-21T21:30:00Z, main-4799.0.0-nightly-20260821-2130,       4799.0.0+nightly-20260821-2130,      4799.0.0+nightly-20260821-2130,  main,          main,          false",
            "NIGHTLY,   flatcar-4593,     -,                     -,     -,                         -,           2026-08-22T21:00:00Z, stable-4593.2.5-nightly-20260822-2100,     4593.2.5+nightly-20260822-2100,      4593.0.0,                        flatcar-4593,  flatcar-4593,  false",
            "NIGHTLY,   flatcar-4081,     -,                     -,     -,                         -,           2026-08-21T21:00:00Z, lts-4081.3.10-nightly-20260821-2100,       4081.3.10+nightly-20260821-2100,     4081.0.0,                        flatcar-4081,  flatcar-4081,  false",
            "NIGHTLY,   flatcar-4790,     -,                     -,     -,                         -,           2026-08-22T21:00:00Z, alpha-4790.0.1-nightly-20260822-2100,      4790.0.1+nightly-20260822-2100,      4790.0.0,                        flatcar-4790,  flatcar-4790,  false",
            "NIGHTLY,   flatcar-lts-2605, -,                     -,     -,                         -,           2026-08-22T21:00:00Z, lts-2605.3.12-nightly-20260822-2100,       2605.3.12+nightly-20260822-2100,     2605.0.0,                        flatcar-lts-2605, flatcar-lts-2605, false",
            "ALPHA,     -,                -,                     -,     -,                         -,           2026-08-22T09:00:00Z, alpha-4800.0.0,                            4800.0.0,                            4800.0.0,                        main,          flatcar-4800,  true",
            "ALPHA,     -,                -,                     -,     -,                         4799.0.0+nightly-20260821-2100, 2026-08-22T09:00:00Z, alpha-4800.0.0,                4800.0.0,                            4799.0.0+nightly-20260821-2100,  main,          flatcar-4800,  true",
            "PROMOTION, -,                alpha-4790.0.1,        -,     -,                         -,           2026-08-22T09:00:00Z, beta-4790.1.0,                             4790.1.0,                            4790.0.0,                        flatcar-4790,  flatcar-4790,  false",
            "PROMOTION, -,                4757.1.0,              stable, -,                        -,           2026-08-22T09:00:00Z, stable-4757.2.0,                           4757.2.0,                            4757.0.0,                        flatcar-4757,  flatcar-4757,  false",
            "PROMOTION, -,                stable-4593.2.5,       lts,   -,                         -,           2026-08-22T09:00:00Z, lts-4593.3.0,                              4593.3.0,                            4593.0.0,                        flatcar-4593,  flatcar-4593,  false",
            "PATCH,     -,                stable-4593.2.5,       -,     -,                         -,           2026-08-22T09:00:00Z, stable-4593.2.6,                           4593.2.6,                            4593.0.0,                        flatcar-4593,  flatcar-4593,  false",
            "PATCH,     -,                4593.2.0,              -,     -,                         -,           2026-08-22T09:00:00Z, stable-4593.2.6,                           4593.2.6,                            4593.0.0,                        flatcar-4593,  flatcar-4593,  false",
            "PATCH,     -,                lts-4081.3.10,         -,     -,                         -,           2026-08-22T09:00:00Z, lts-4081.3.11,                             4081.3.11,                           4081.0.0,                        flatcar-4081,  flatcar-4081,  false",
            "PATCH,     -,                lts-2605.3.12,         -,     -,                         -,           2026-08-22T09:00:00Z, lts-2605.3.13,                             2605.3.13,                           2605.0.0,                        flatcar-lts-2605, flatcar-lts-2605, false",
            "DEV,       -,                -,                     -,     dev23,                     -,           2026-08-22T09:00:00Z, main-4799.0.0-dev23,                       4799.0.0+dev23,                      4799.0.0+nightly-20260821-2100,  main,          -,             false",
            "DEV,       feature/faster-boot, -,                  -,     faster-boot-1,             -,           2026-08-22T09:00:00Z, main-4799.0.0-faster-boot-1,               4799.0.0+faster-boot-1,              4799.0.0+nightly-20260821-2100,  feature/faster-boot, -,       false",
            "DEV,       flatcar-4593,     -,                     -,     fix-nvidia-drivers-4593,   -,           2026-08-22T09:00:00Z, stable-4593.2.5-fix-nvidia-drivers-4593,   4593.2.5+fix-nvidia-drivers-4593,    4593.0.0,                        flatcar-4593,  -,             false",
            "DEV,       flatcar-4790,     alpha-4790.0.1,        -,     dev1,                      -,           2026-08-22T09:00:00Z, alpha-4790.0.1-dev1,                       4790.0.1+dev1,                       4790.0.0,                        flatcar-4790,  -,             false",
            "DEV,       -,                9999.0.2,              -,     die-faster,                -,           2026-08-22T09:00:00Z, main-9999.0.2-die-faster,                  9999.0.2+die-faster,                 4799.0.0+nightly-20260821-2100,  main,          -,             false",
            "DEV,       -,                main-4799.0.0-nightly-20260821-2100, -, pr-1234,         -,           2026-08-22T09:00:00Z, main-4799.0.0-pr-1234,                     4799.0.0+pr-1234,                    4799.0.0+nightly-20260821-2100,  main,          -,             false",
    })
    void computesTheNextVersion(VersionKind kind, String branch, String from, String to, String suffix, String sdk, Instant now,
            String tag, String version, String sdkVersion, String base, String pushed, boolean create) {
        VersionRequest request = new VersionRequest(kind, branch, from, to, suffix, sdk);

        AllocationPlan plan = policy.plan(request, repo, List.of(), now);

        assertThat(plan.tag().name()).isEqualTo(tag);
        assertThat(plan.file().version().plusForm()).isEqualTo(version);
        assertThat(plan.file().sdkVersion().plusForm()).isEqualTo(sdkVersion);
        assertThat(plan.baseBranch()).isEqualTo(base);
        assertThat(plan.pushBranch()).isEqualTo(pushed);
        assertThat(plan.createBranch()).isEqualTo(create);
        assertThat(plan.commitSubject()).isEqualTo("New version: " + tag);
    }

    @ParameterizedTest(name = "{0} {1}{2} {3} {4} -> {6}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            // kind    | branch        | from                                | to    | suffix                  | now                   | reason
            "PROMOTION | -             | stable-4593.2.5                     | alpha | -                       | 2026-08-22T09:00:00Z  | cannot promote stable to alpha",
            "PROMOTION | -             | beta-4757.1.0                       | beta  | -                       | 2026-08-22T09:00:00Z  | cannot promote beta to beta",
            "PROMOTION | -             | alpha-4790.0.3                      | -     | -                       | 2026-08-22T09:00:00Z  | 4790.0.3 was never released: there is no tag alpha-4790.0.3",
            "PROMOTION | -             | alpha-4790.0.0                      | -     | -                       | 2026-08-22T09:00:00Z  | only the newest alpha release of major 4790 (4790.0.1) can be promoted",
            "PROMOTION | -             | lts-4081.3.10                       | -     | -                       | 2026-08-22T09:00:00Z  | lts, the last channel",
            "PROMOTION | -             | beta-4593.1.0                       | -     | -                       | 2026-08-22T09:00:00Z  | major 4593 was already promoted to stable (stable-4593.2.5 exists)",
            "PROMOTION | -             | main-4799.0.0-nightly-20260821-2100 | -     | -                       | 2026-08-22T09:00:00Z  | only releases can be promoted",
            "PROMOTION | -             | beta-4593.2.5                       | -     | -                       | 2026-08-22T09:00:00Z  | is not a release tag: minor 2 is stable",
            "PATCH     | -             | stable-4593.2.7                     | -     | -                       | 2026-08-22T09:00:00Z  | 4593.2.7 was never released",
            "PATCH     | -             | 4593.2.5+nightly-20260822-2100      | -     | -                       | 2026-08-22T09:00:00Z  | only releases can be patched",
            "ALPHA     | -             | -                                   | -     | -                       | 2026-08-12T09:00:00Z  | today's major is 4790, but release major 4790 exists",
            "ALPHA     | -             | -                                   | -     | -                       | 2026-08-01T09:00:00Z  | today's major is 4779, but release major 4790 exists",
            "DEV       | -             | -                                   | -     | my fix                  | 2026-08-22T09:00:00Z  | holds characters a tag cannot hold",
            "DEV       | -             | -                                   | -     | fix~1                   | 2026-08-22T09:00:00Z  | holds characters a tag cannot hold",
            "DEV       | -             | -                                   | -     | feature+1               | 2026-08-22T09:00:00Z  | holds characters a tag cannot hold",
            "DEV       | -             | -                                   | -     | -fix                    | 2026-08-22T09:00:00Z  | must start and end with a letter or digit",
            "DEV       | -             | -                                   | -     | a..b                    | 2026-08-22T09:00:00Z  | contains '..'",
            "DEV       | -             | -                                   | -     | nightly-20260822-2100   | 2026-08-22T09:00:00Z  | reserved for nightly builds",
            "DEV       | -             | -                                   | -     | 01234567890123456789012345678901234567890123456789012345678901234 | 2026-08-22T09:00:00Z | longer than 64 characters",
            "DEV       | no-such-branch| -                                   | -     | dev1                    | 2026-08-22T09:00:00Z  | branch no-such-branch does not exist on the remote",
            "DEV       | -             | sdk-3199.0.0-nightly-20220404-0140  | -     | dev1                    | 2026-08-22T09:00:00Z  | dev builds take a main, alpha, beta, stable or lts prefix, not 'sdk'",
            "DEV       | -             | beta-4593.2.5                       | -     | dev1                    | 2026-08-22T09:00:00Z  | prefix beta does not match the minor of 4593.2.5 (stable)",
            "DEV       | -             | 4593.7.0                            | -     | dev1                    | 2026-08-22T09:00:00Z  | minor 7 of 4593.7.0 names no channel",
            "NIGHTLY   | feature/faster-boot | -                             | -     | -                       | 2026-08-22T09:00:00Z  | nightlies run on main or on a release branch flatcar-MMMM, not on 'feature/faster-boot'",
            "NIGHTLY   | flatcar-4900  | -                                   | -     | -                       | 2026-08-22T09:00:00Z  | branch flatcar-4900 does not exist on the remote",
    })
    void refusesIllegalRequestsWithTheRuleTheyBreak(VersionKind kind, String branch, String from, String to, String suffix,
            Instant now, String reason) {
        VersionRequest request = new VersionRequest(kind, branch, from, to, suffix, null);

        assertThatThrownBy(() -> policy.plan(request, repo, List.of(), now))
                .isInstanceOf(IllegalVersionRequestException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}: {6}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "PROMOTION | -    | -              | -    | -     | -        | from: is required for kind promotion",
            "PATCH     | -    | -              | -    | -     | -        | from: is required for kind patch",
            "DEV       | -    | -              | -    | -     | -        | suffix: is required for kind dev",
            "NIGHTLY   | -    | -              | -    | dev1  | -        | suffix: is not used by kind nightly",
            "ALPHA     | main | -              | -    | -     | -        | branch: is not used by kind alpha",
            "PATCH     | -    | lts-4081.3.10  | beta | -     | -        | to: is not used by kind patch",
            "NIGHTLY   | -    | alpha-4790.0.1 | -    | -     | -        | from: is not used by kind nightly",
    })
    void refusesFieldsThatDoNotFitTheKind(VersionKind kind, String branch, String from, String to, String suffix, String sdk,
            String problem) {
        VersionRequest request = new VersionRequest(kind, branch, from, to, suffix, sdk);

        assertThatThrownBy(() -> policy.plan(request, repo, List.of(), AUG_22_2100))
                .isInstanceOf(InvalidVersionRequestException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void patchSkipsPatchesReservedByAllocationsInFlight() {
        VersionRequest request = new VersionRequest(VersionKind.PATCH, null, "lts-4081.3.10", null, null, null);

        AllocationPlan plan = policy.plan(request, repo, List.of("lts-4081.3.11", "lts-4081.3.12"), AUG_22_2100);

        assertThat(plan.tag().name()).isEqualTo("lts-4081.3.13");
    }

    @Test
    void refusesAVersionThatAnotherTagAlreadyCarries() {
        VersionRequest request = new VersionRequest(VersionKind.DEV, null, "main-3449.0.0", null, "dev23", null);

        assertThatThrownBy(() -> policy.plan(request, repo, List.of(), AUG_22_2100))
                .isInstanceOf(VersionTakenException.class)
                .hasMessageContaining("version 3449.0.0+dev23 is already tagged as alpha-3449.0.0-dev23");
    }

    @Test
    void refusesATagThatAnAllocationInFlightReserved() {
        VersionRequest request = new VersionRequest(VersionKind.DEV, null, null, null, "dev23", null);

        assertThatThrownBy(() -> policy.plan(request, repo, List.of("main-4799.0.0-dev23"), AUG_22_2100))
                .isInstanceOf(VersionTakenException.class)
                .hasMessageContaining("reserved by an allocation in progress");
    }

    @Test
    void leavesAnExistingIdenticalTagToTheTagRule() {
        VersionRequest request = new VersionRequest(VersionKind.DEV, null, "stable-4593.2.4", null, "fix-nvidia-drivers-4593", null);

        AllocationPlan plan = policy.plan(request, repo, List.of(), AUG_22_2100);

        assertThat(plan.tag().name()).isEqualTo("stable-4593.2.4-fix-nvidia-drivers-4593");
    }

    @Test
    void nightlyInAMinuteAlreadyTaggedTakesTheNextMinute() {
        VersionRequest request = new VersionRequest(VersionKind.NIGHTLY, "main", null, null, null, null);

        AllocationPlan plan = policy.plan(request, repo, List.of(), Instant.parse("2026-08-21T21:00:30Z"));

        assertThat(plan.tag().name()).isEqualTo("main-4799.0.0-nightly-20260821-2101");
        assertThat(plan.file().version().buildId()).isEqualTo("nightly-20260821-2101");
    }

    @Test
    void nightlyInAMinuteReservedByAnAllocationInFlightTakesTheNextMinute() {
        VersionRequest request = new VersionRequest(VersionKind.NIGHTLY, null, null, null, null, null);

        AllocationPlan plan = policy.plan(request, repo, List.of("main-4800.0.0-nightly-20260822-2100"), AUG_22_2100);

        assertThat(plan.tag().name()).isEqualTo("main-4800.0.0-nightly-20260822-2101");
    }

    @Test
    void nightlySkipsEveryMinuteEverAllocatedEvenIfItsTagIsGone() {
        VersionRequest request = new VersionRequest(VersionKind.NIGHTLY, "flatcar-4593", null, null, null, null);
        Set<String> everAllocated = Set.of("stable-4593.2.5-nightly-20260822-2100", "stable-4593.2.5-nightly-20260822-2101");

        AllocationPlan plan = policy.plan(request, repo, List.of(), tag -> everAllocated.contains(tag.name()), AUG_22_2100);

        assertThat(plan.tag().name()).isEqualTo("stable-4593.2.5-nightly-20260822-2102");
    }

    @Test
    void nightlyInTheLastMinuteOfADayThatIsTakenMovesToTheNextDay() {
        VersionRequest request = new VersionRequest(VersionKind.NIGHTLY, null, null, null, null, null);

        AllocationPlan plan = policy.plan(request, repo, List.of("main-4800.0.0-nightly-20260822-2359"),
                Instant.parse("2026-08-22T23:59:59Z"));

        assertThat(plan.tag().name()).isEqualTo("main-4801.0.0-nightly-20260823-0000");
    }

    @Test
    void nightlyInAFreeMinuteKeepsItsOwnMinute() {
        VersionRequest request = new VersionRequest(VersionKind.NIGHTLY, null, null, null, null, null);

        AllocationPlan plan = policy.plan(request, repo, List.of("main-4800.0.0-nightly-20260822-2059"), tag -> false,
                Instant.parse("2026-08-22T21:00:59Z"));

        assertThat(plan.tag().name()).isEqualTo("main-4800.0.0-nightly-20260822-2100");
    }

    @Test
    void newMajorCountsReleaseBranchesWithoutTags() {
        repo.branch("flatcar-4801", "4801.0.0", "4801.0.0");
        VersionRequest request = new VersionRequest(VersionKind.ALPHA, null, null, null, null, null);

        assertThatThrownBy(() -> policy.plan(request, repo, List.of(), AUG_22_2100))
                .isInstanceOf(IllegalVersionRequestException.class)
                .hasMessageContaining("today's major is 4800, but release major 4801 exists");
    }

    @Test
    void malformedFromIsAMalformedVersionNotARuleViolation() {
        VersionRequest request = new VersionRequest(VersionKind.PATCH, null, "stable-4593.2", null, null, null);

        assertThatThrownBy(() -> policy.plan(request, repo, List.of(), AUG_22_2100)).isInstanceOf(MalformedVersionException.class);
    }
}
