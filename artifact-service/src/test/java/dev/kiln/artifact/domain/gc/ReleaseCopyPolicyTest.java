package dev.kiln.artifact.domain.gc;

import static dev.kiln.artifact.domain.gc.DevBuildPolicyTest.at;
import static dev.kiln.artifact.domain.gc.DevBuildPolicyTest.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.flatcar.Version;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The release copy rule over flatcar/scripts' 356 real release tags (as the published releases). Expected
 * outcomes were cross-checked with the awk programs of Flatcar's garbage_collect_releases.sh run by gawk.
 */
class ReleaseCopyPolicyTest {

    private static final List<PublishedRelease> RELEASES = FlatcarTags.releases();

    private static final CacheSnapshot CACHE = new CacheSnapshot(Map.of(
            "sdk/", List.of("amd64"),
            "sdk/amd64/", List.of("4790.0.0", "4459.0.0", "4230.0.0", "4081.0.0"),
            "containers/", List.of("4593.2.5", "4152.2.3", "4799.0.0-nightly-20260821-2100"),
            "boards/", List.of("arm64-usr"),
            "boards/arm64-usr/", List.of("4694.0.1", "4344.0.0"),
            "images/", List.of("amd64"),
            "images/amd64/", List.of("4790.0.0", "4799.0.0", "4757.2.0", "4593.2.6", "4081.3.11", "4459.2.0",
                    "4459.1.2", "4230.2.4", "3510.3.8", "3033.3.18"),
            "testing/", List.of("4628.1.2", "4487.0.1"),
            "build-logs/", List.of("4230.2.4")));

    private final GcPlan plan = GcPolicy.plan(tagsOf(RELEASES), RELEASES, CACHE, settings(50, 14, List.of()),
            at("2026-08-22"));

    @Test
    void keepsTenPerChannelAndTenPerMajorOfTheTwoNewestLtsMajors() {
        Map<Version, String> keep = ReleaseCopies.keepList(RELEASES, settings(50, 14, List.of()));

        assertThat(keep.keySet()).map(Version::versionId).containsExactly(
                "4790.0.0", "4757.1.0", "4757.0.0", "4722.1.0", "4722.0.0", "4694.1.1", "4694.1.0", "4694.0.1",
                "4694.0.0", "4669.0.0", "4628.1.2", "4628.1.1", "4628.1.0", "4628.0.0", "4593.2.5", "4593.2.4",
                "4593.2.3", "4593.2.2", "4593.2.1", "4593.2.0", "4593.1.0", "4593.0.0", "4547.1.0", "4547.0.0",
                "4515.1.0", "4515.0.1", "4459.2.4", "4459.2.3", "4459.2.2", "4459.2.1", "4081.3.10", "4081.3.9",
                "4081.3.8", "4081.3.7", "4081.3.6", "4081.3.5", "4081.3.4", "4081.3.3", "4081.3.2", "4081.3.1",
                "3510.3.8", "3510.3.7", "3510.3.6", "3510.3.5", "3510.3.4", "3510.3.3", "3510.3.2", "3510.3.1",
                "3510.3.0");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "images/amd64/4790.0.0/, release.kept",
        "images/amd64/4799.0.0/, release.new-major",
        "images/amd64/4757.2.0/, release.promotion",
        "images/amd64/4593.2.6/, release.patch",
        "images/amd64/4081.3.11/, release.patch",
        "images/amd64/4459.2.0/, release.expired",
        "images/amd64/4459.1.2/, release.expired",
        "images/amd64/4230.2.4/, release.expired",
        "images/amd64/3510.3.8/, release.kept",
        "images/amd64/3033.3.18/, release.expired",
        "sdk/amd64/4790.0.0/, release.kept",
        "sdk/amd64/4459.0.0/, release.sdk",
        "sdk/amd64/4230.0.0/, release.expired",
        "sdk/amd64/4081.0.0/, release.sdk",
        "containers/4593.2.5/, release.kept",
        "containers/4152.2.3/, release.expired",
        "testing/4628.1.2/, release.kept",
        "testing/4487.0.1/, release.expired",
        "boards/arm64-usr/4694.0.1/, release.kept",
        "boards/arm64-usr/4344.0.0/, release.expired",
    })
    void protectsWhatFlatcarProtectsAndRemovesTheRest(String directory, String code) {
        GcDecision decision = release(directory);

        assertThat(decision.code()).isEqualTo(code);
        assertThat(decision.purges()).isEqualTo(code.equals("release.expired"));
    }

    @Test
    void namesTheKeptReleaseThatProtectsAnUnpublishedOne() {
        assertThat(release("images/amd64/4757.2.0/").reason()).isEqualTo("unpublished promotion of kept release 4757.1.0");
        assertThat(release("images/amd64/4593.2.6/").reason())
                .isEqualTo("unpublished patch release after kept release 4593.2.5");
        assertThat(release("sdk/amd64/4459.0.0/").reason()).isEqualTo("holds the SDK of kept release 4459.2.4");
        assertThat(release("images/amd64/4799.0.0/").reason())
                .isEqualTo("major above 4790, the newest kept release's: an unpublished new Alpha");
    }

    @Test
    void leavesBuildLogsAndDevBuildDirectoriesToTheOtherRules() {
        assertThat(plan.decisions()).filteredOn(d -> d.rule() == GcRule.RELEASE_COPY)
                .noneMatch(d -> d.subject().startsWith("build-logs/") || d.subject().contains("nightly"));
    }

    @Test
    void protectsEveryReleaseDirectoryWhileNoReleaseIsKnown() {
        GcPlan blind = GcPolicy.plan(tagsOf(RELEASES), List.of(), CACHE, settings(50, 14, List.of()), at("2026-08-22"));

        assertThat(blind.decisions()).filteredOn(d -> d.rule() == GcRule.RELEASE_COPY)
                .isNotEmpty().allMatch(d -> d.code().equals("release.none-published"));
    }

    /** Tags that keep every test directory clear of the orphan sweep. */
    private static List<KnownVersion> tagsOf(List<PublishedRelease> releases) {
        List<String> extra = List.of("alpha-4799.0.0", "beta-4757.2.0", "stable-4593.2.6", "lts-4081.3.11",
                "beta-4459.1.2", "stable-4230.2.4", "lts-3033.3.18", "stable-4152.2.3", "alpha-4487.0.1",
                "alpha-4344.0.0", "alpha-4230.0.0", "alpha-4459.0.0", "alpha-4081.0.0", "stable-4459.2.0");
        var tags = new java.util.ArrayList<>(FlatcarTags.all());
        extra.forEach(t -> tags.add(new KnownVersion(t, t.substring(t.indexOf('-') + 1), at("2026-01-01"))));
        return tags;
    }

    private GcDecision release(String directory) {
        return plan.decisions().stream().filter(d -> d.rule() == GcRule.RELEASE_COPY && d.subject().equals(directory))
                .findFirst().orElseThrow(() -> new AssertionError("no release decision for " + directory));
    }
}
