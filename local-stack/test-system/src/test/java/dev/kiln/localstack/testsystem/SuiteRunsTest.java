package dev.kiln.localstack.testsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteRunsTest {

    private static final Target KOLA_AMD64_QEMU = new Target("kola", "amd64", "qemu_uefi", 2);
    private static final Target KOLA_ARM64_QEMU = new Target("kola", "arm64", "qemu_uefi", 2);
    private static final Target UPDATE_AMD64 = new Target("qemu_update", "amd64", null, 2);
    private static final Target UPDATE_ARM64 = new Target("qemu_update", "arm64", null, 2);
    private static final Map<String, ArchCheck> ALL_GOOD = Map.of(
            "amd64", new ArchCheck("amd64", List.of(), Map.of("qemu_uefi", List.of())),
            "arm64", new ArchCheck("arm64", List.of(), Map.of("qemu_uefi", List.of())));

    private final SuiteRuns runs = new SuiteRuns("kola");

    @Test
    void theFlakySuiteFailsOnceOnItsFirstTargetThenPassesAndEveryOtherTargetPassesAtOnce() {
        List<Attempt> attempts = runs.plan(List.of(KOLA_AMD64_QEMU, KOLA_ARM64_QEMU, UPDATE_AMD64, UPDATE_ARM64), ALL_GOOD);

        assertThat(attempts).extracting(a -> a.target().describe(), Attempt::number, Attempt::passed).containsExactly(
                tuple("kola on amd64/qemu_uefi", 1, false),
                tuple("kola on amd64/qemu_uefi", 2, true),
                tuple("kola on arm64/qemu_uefi", 1, true),
                tuple("qemu_update on amd64", 1, true),
                tuple("qemu_update on arm64", 1, true));
        assertThat(attempts.getFirst().why()).contains("flake, on purpose");
    }

    @Test
    void noFlakeWhenThePolicyAllowsNoRerun() {
        Target strict = new Target("kola", "amd64", "qemu_uefi", 1);

        assertThat(runs.plan(List.of(strict), ALL_GOOD)).extracting(Attempt::number, Attempt::passed)
                .containsExactly(tuple(1, true));
    }

    @Test
    void aCorruptImageFailsEveryAttemptTheFlakeRuleAllowsOnThatArchOnly() {
        Map<String, ArchCheck> checks = Map.of(
                "amd64", new ArchCheck("amd64", List.of("flatcar_production_image.bin.bz2: SHA512 listed 00 but the download has 7f"),
                        Map.of("qemu_uefi", List.of())),
                "arm64", ALL_GOOD.get("arm64"));

        List<Attempt> attempts = runs.plan(List.of(KOLA_AMD64_QEMU, KOLA_ARM64_QEMU, UPDATE_AMD64), checks);

        assertThat(attempts).extracting(a -> a.target().describe(), Attempt::number, Attempt::passed).containsExactly(
                tuple("kola on amd64/qemu_uefi", 1, false),
                tuple("kola on amd64/qemu_uefi", 2, false),
                tuple("kola on arm64/qemu_uefi", 1, false),
                tuple("kola on arm64/qemu_uefi", 2, true),
                tuple("qemu_update on amd64", 1, false),
                tuple("qemu_update on amd64", 2, false));
        assertThat(attempts.getFirst().why()).contains("SHA512 listed 00");
    }

    @Test
    void aMissingVendorImageFailsOnlyThatVendorsTargets() {
        Map<String, ArchCheck> checks = Map.of("amd64", new ArchCheck("amd64", List.of(),
                Map.of("qemu_uefi", List.of(), "ami", List.of("flatcar_production_ami_image.img.bz2 is missing"))));
        Target kolaAmi = new Target("kola", "amd64", "ami", 2);

        List<Attempt> attempts = new SuiteRuns("none").plan(List.of(KOLA_AMD64_QEMU, kolaAmi, UPDATE_AMD64), checks);

        assertThat(attempts).extracting(a -> a.target().describe(), Attempt::passed).containsExactly(
                tuple("kola on amd64/qemu_uefi", true),
                tuple("kola on amd64/ami", false),
                tuple("kola on amd64/ami", false),
                tuple("qemu_update on amd64", true));
    }

    @Test
    void aTargetOnAnArchTheCandidateDidNotBuildFails() {
        List<Attempt> attempts = new SuiteRuns("none").plan(List.of(UPDATE_ARM64),
                Map.of("amd64", ALL_GOOD.get("amd64")));

        assertThat(attempts).allSatisfy(a -> assertThat(a.passed()).isFalse())
                .first().satisfies(a -> assertThat(a.why()).contains("not built for arm64"));
    }
}
