package dev.kiln.artifact.domain.gc;

import static dev.kiln.artifact.domain.gc.DevBuildPolicyTest.at;
import static dev.kiln.artifact.domain.gc.DevBuildPolicyTest.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The orphan sweep over flatcar/scripts' real tags, on 2026-08-22 with the default keep 50 and 14 days. */
class OrphanPolicyTest {

    private static final List<KnownVersion> TAGS = FlatcarTags.all();

    private static final CacheSnapshot CACHE = new CacheSnapshot(Map.of(
            "sdk/", List.of("amd64"),
            "sdk/amd64/", List.of("4799.0.0+nightly-20260821-2100", "4593.0.0", "4700.0.0+nightly-20260101-2100"),
            "containers/", List.of("4799.0.0-nightly-20260821-2100", "4785.0.0-nightly-20260807-2100",
                    "3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54", "4000.0.0-nightly-20240101-2100"),
            "images/", List.of("amd64", "riscv"),
            "images/amd64/", List.of("4799.0.0+nightly-20260821-2100-INTERMEDIATE", "4593.2.5",
                    "4785.0.0+nightly-20260807-2100", "4700.0.0+nightly-20260101-2100"),
            "images/riscv/", List.of("4000.0.0+nightly-20240101-2100"),
            "testing/", List.of("4785.0.0+nightly-20260807-2100", "9999.0.1+die-faster"),
            "build-logs/", List.of("4593.0.0", "9999.9.9+test")));

    private final GcPlan plan = GcPolicy.plan(TAGS, List.of(), CACHE, settings(50, 14, List.of()), at("2026-08-22"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "sdk/amd64/4799.0.0+nightly-20260821-2100/, orphan.tagged",
        "sdk/amd64/4593.0.0/, orphan.tagged",
        "sdk/amd64/4700.0.0+nightly-20260101-2100/, orphan.untagged",
        "containers/4799.0.0-nightly-20260821-2100/, orphan.tagged",
        "containers/4785.0.0-nightly-20260807-2100/, orphan.untagged",
        "containers/3598.0.0-nightly-20230508-2100-github-2023_05_09__08_06_54/, orphan.github",
        "containers/4000.0.0-nightly-20240101-2100/, orphan.untagged",
        "images/amd64/4799.0.0+nightly-20260821-2100-INTERMEDIATE/, orphan.tagged",
        "images/amd64/4593.2.5/, orphan.tagged",
        "images/amd64/4700.0.0+nightly-20260101-2100/, orphan.untagged",
        "testing/9999.0.1+die-faster/, orphan.tagged",
        "build-logs/4593.0.0/, orphan.tagged",
        "build-logs/9999.9.9+test/, orphan.untagged",
    })
    void removesDirectoriesThatNoTagContains(String directory, String code) {
        GcDecision decision = orphan(directory);

        assertThat(decision.code()).isEqualTo(code);
        assertThat(decision.purges()).isEqualTo(code.equals("orphan.untagged"));
        if (decision.purges()) {
            assertThat(decision.prefixes()).containsExactly(directory);
        }
    }

    @Test
    void matchesTagsAsSubstringsAfterTurningTheFirstPlusIntoADash() {
        assertThat(orphan("images/amd64/4799.0.0+nightly-20260821-2100-INTERMEDIATE/").reason())
                .isEqualTo("tag main-4799.0.0-nightly-20260821-2100-INTERMEDIATE contains "
                        + "'4799.0.0-nightly-20260821-2100-INTERMEDIATE'");
        assertThat(orphan("images/amd64/4593.2.5/").reason()).contains("contains '4593.2.5'");
    }

    @Test
    void sweepsAgainstTheTagsLeftAfterThisPlansDevPurges() {
        assertThat(orphan("containers/4785.0.0-nightly-20260807-2100/").reason())
                .isEqualTo("no known tag contains '4785.0.0-nightly-20260807-2100' "
                        + "(main-4785.0.0-nightly-20260807-2100 is purged above)");
        assertThat(plan.decisions()).noneMatch(d -> d.subject().equals("testing/4785.0.0+nightly-20260807-2100/")
                || d.subject().equals("images/amd64/4785.0.0+nightly-20260807-2100/"));
    }

    @Test
    void inspectsOnlyTheConfiguredArchitectures() {
        assertThat(plan.decisions()).noneMatch(d -> d.subject().startsWith("images/riscv/"));
    }

    @Test
    void sweepsNothingWhenNoTagIsKnown() {
        GcPlan blind = GcPolicy.plan(List.of(), List.of(), CACHE, settings(50, 14, List.of()), at("2026-08-22"));

        assertThat(blind.purges()).isEmpty();
        assertThat(blind.decisions()).filteredOn(d -> d.rule() == GcRule.ORPHAN)
                .allMatch(d -> d.code().equals("orphan.no-tags") || d.code().equals("orphan.github"));
    }

    private GcDecision orphan(String directory) {
        return plan.decisions().stream().filter(d -> d.rule() == GcRule.ORPHAN && d.subject().equals(directory))
                .findFirst().orElseThrow(() -> new AssertionError("no orphan decision for " + directory));
    }

    @ParameterizedTest
    @CsvSource({
        "4799.0.0+nightly-20260821-2100, 4799.0.0-nightly-20260821-2100",
        "4799.0.0-nightly-20260821-2100, 4799.0.0-nightly-20260821-2100",
        "1.2.3+a+b, 1.2.3-a+b",
        "4593.2.5, 4593.2.5",
    })
    void orphanSweepTurnsOnlyTheFirstPlusIntoADash(String directory, String fragment) {
        assertThat(Orphans.tagFragment(directory)).isEqualTo(fragment);
    }
}
