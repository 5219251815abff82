package dev.kiln.artifact.domain.gc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dev build rule over flatcar/scripts' real tags (60 dev build tags and one -pro tag among 451). Expected
 * purge lists were cross-checked by running the selection awk of Flatcar's garbage_collect.sh with gawk over
 * the same list (newest first, dates as YYYY-MM-DD in UTC).
 */
class DevBuildPolicyTest {

    private static final List<KnownVersion> TAGS = FlatcarTags.all();
    private static final CacheSnapshot EMPTY = new CacheSnapshot(Map.of());

    static Stream<Arguments> flatcarRuns() {
        return Stream.of(
                Arguments.of(50, 14, "2026-08-22", List.of("main-4785.0.0-nightly-20260807-2100")),
                Arguments.of(30, 14, "2026-08-22", List.of("main-4785.0.0-nightly-20260807-2100")),
                Arguments.of(20, 30, "2026-08-22", List.of()),
                Arguments.of(50, 14, "2026-09-05", List.of(
                        "main-4788.0.0-weekly-updates-3-INTERMEDIATE", "stable-4593.2.4-nightly-20260810-2100",
                        "alpha-4757.0.0-nightly-20260810-2100", "main-4788.0.0-nightly-20260810-2100",
                        "lts-4081.3.9-nightly-20260810-2100", "beta-4722.1.0-nightly-20260810-2100",
                        "main-4785.0.0-weekly-updates-2", "main-4785.0.0-weekly-updates-2-INTERMEDIATE",
                        "stable-4593.2.4-fix-nvidia-drivers-4593", "main-4785.0.0-nightly-20260807-2100")),
                Arguments.of(40, 7, "2026-08-22", List.of(
                        "stable-4593.2.5-nightly-20260813-2100", "main-4791.0.0-nightly-20260813-2100",
                        "main-9999.0.0-dracut-upstream-network", "main-9999.0.1-die-faster",
                        "main-4790.0.0-nightly-20260812-2100", "beta-4722.1.0-nightly-20260812-2100",
                        "alpha-4757.0.0-nightly-20260812-2100", "stable-4593.2.4-nightly-20260811-2100",
                        "alpha-4757.0.0-nightly-20260811-2100", "stable-4593.2.4-nvidia-drivers-570-flatcar-4593",
                        "main-4788.0.0-weekly-updates-3-INTERMEDIATE", "stable-4593.2.4-nightly-20260810-2100",
                        "alpha-4757.0.0-nightly-20260810-2100", "main-4788.0.0-nightly-20260810-2100",
                        "lts-4081.3.9-nightly-20260810-2100", "beta-4722.1.0-nightly-20260810-2100",
                        "main-4785.0.0-weekly-updates-2", "main-4785.0.0-weekly-updates-2-INTERMEDIATE",
                        "stable-4593.2.4-fix-nvidia-drivers-4593", "main-4785.0.0-nightly-20260807-2100")));
    }

    @ParameterizedTest(name = "keep {0}, min age {1} days, on {2}")
    @MethodSource("flatcarRuns")
    void purgesWhatFlatcarsGarbageCollectorPurges(int keep, int minAgeDays, String today, List<String> purged) {
        GcPlan plan = plan(keep, minAgeDays, today, List.of());

        assertThat(devPurges(plan)).containsExactlyElementsOf(purged);
    }

    @Test
    void keepingNoneWithNoMinimumAgePurgesEveryDevBuildButNoReleaseOrProTag() {
        GcPlan plan = plan(0, 0, "2026-08-22", List.of());

        assertThat(devPurges(plan)).hasSize(60).allMatch(DevBuilds::isCandidate)
                .doesNotContain("beta-2643.1.1-pro", "stable-4593.2.5", "main-3360-0.0-vim-update");
    }

    @Test
    void givesEveryTagItsReason() {
        GcPlan plan = plan(50, 14, "2026-08-22", List.of());

        assertThat(decision(plan, "main-4799.0.0-nightly-20260821-2100").code()).isEqualTo("dev.newest");
        assertThat(decision(plan, "main-4799.0.0-nightly-20260821-2100").reason())
                .isEqualTo("#1 of the newest 50 dev builds");
        assertThat(decision(plan, "main-4785.0.0-weekly-updates-2-INTERMEDIATE").code()).isEqualTo("dev.young");
        assertThat(decision(plan, "main-4785.0.0-weekly-updates-2-INTERMEDIATE").reason())
                .isEqualTo("created 2026-08-10, younger than 14 days (after 2026-08-08)");
        assertThat(decision(plan, "main-4785.0.0-nightly-20260807-2100").reason())
                .isEqualTo("#60, beyond the newest 50 dev builds, and created 2026-08-08, on or before 2026-08-08");
        assertThat(decision(plan, "beta-2643.1.1-pro").code()).isEqualTo("dev.pro");
        assertThat(decision(plan, "lts-4081.3.10").code()).isEqualTo("dev.official");
        assertThat(decision(plan, "sdk-3190.0.0-nightly-20220326-0139").code()).isEqualTo("dev.other");
        assertThat(decision(plan, "main-3360-0.0-vim-update").code()).isEqualTo("dev.other");
        assertThat(plan.decisions().stream().filter(d -> d.rule() == GcRule.DEV_BUILD)).hasSize(TAGS.size());
    }

    @Test
    void anExplicitPurgeListIgnoresKeepAndAgeButStillOnlyTakesDevBuilds() {
        GcPlan plan = plan(50, 14, "2026-08-22", List.of("main-4799.0.0-nightly-20260821-2100", "stable-4593.2.5",
                "beta-2643.1.1-pro", "main-9999.9.9-unknown"));

        assertThat(devPurges(plan)).containsExactly("main-4799.0.0-nightly-20260821-2100");
        assertThat(decision(plan, "main-4799.0.0-nightly-20260821-2100").code()).isEqualTo("dev.listed");
        assertThat(decision(plan, "stable-4593.2.5-nightly-20260821-2100").code()).isEqualTo("dev.unlisted");
    }

    @Test
    void purgesEveryAreaOfTheVersionInBothSpellings() {
        CacheSnapshot cache = new CacheSnapshot(Map.of(
                "sdk/", List.of("amd64"),
                "sdk/amd64/", List.of("4785.0.0+nightly-20260807-2100", "4799.0.0+nightly-20260821-2100"),
                "containers/", List.of("4785.0.0-nightly-20260807-2100"),
                "boards/", List.of("amd64-usr", "arm64-usr"),
                "boards/amd64-usr/", List.of("4785.0.0+nightly-20260807-2100"),
                "boards/arm64-usr/", List.of("4785.0.0+nightly-20260807-2100"),
                "images/", List.of("amd64"),
                "images/amd64/", List.of("4785.0.0+nightly-20260807-2100"),
                "testing/", List.of("4785.0.0+nightly-20260807-2100"),
                "build-logs/", List.of("4785.0.0+nightly-20260807-2100", "4593.0.0")));

        GcDecision purge = GcPolicy.plan(TAGS, List.of(), cache, settings(50, 14, List.of()), at("2026-08-22"))
                .purges().getFirst();

        assertThat(purge.subject()).isEqualTo("main-4785.0.0-nightly-20260807-2100");
        assertThat(purge.prefixes()).containsExactly(
                "sdk/amd64/4785.0.0+nightly-20260807-2100/",
                "containers/4785.0.0-nightly-20260807-2100/flatcar-sdk-",
                "containers/4785.0.0-nightly-20260807-2100/flatcar-packages-",
                "containers/4785.0.0-nightly-20260807-2100/flatcar-images-",
                "boards/amd64-usr/4785.0.0+nightly-20260807-2100/",
                "boards/arm64-usr/4785.0.0+nightly-20260807-2100/",
                "images/amd64/4785.0.0+nightly-20260807-2100/",
                "testing/4785.0.0+nightly-20260807-2100/",
                "build-logs/4785.0.0+nightly-20260807-2100/");
    }

    private static GcPlan plan(int keep, int minAgeDays, String today, List<String> purgeTags) {
        return GcPolicy.plan(TAGS, List.of(), EMPTY, settings(keep, minAgeDays, purgeTags), at(today));
    }

    static GcSettings settings(int keep, int minAgeDays, List<String> purgeTags) {
        return new GcSettings(keep, minAgeDays, 10, 2, List.of("amd64", "arm64"), purgeTags);
    }

    static Instant at(String day) {
        return Instant.parse(day + "T03:30:00Z");
    }

    private static List<String> devPurges(GcPlan plan) {
        return plan.purges().stream().filter(d -> d.rule() == GcRule.DEV_BUILD).map(GcDecision::subject).toList();
    }

    private static GcDecision decision(GcPlan plan, String subject) {
        return plan.decisions().stream().filter(d -> d.subject().equals(subject)).findFirst().orElseThrow();
    }
}
