package dev.kiln.artifact.domain.gc;

import dev.kiln.artifact.domain.CacheLayout;
import dev.kiln.artifact.domain.FlatcarVersions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flatcar's {@code garbage_collect_releases} (flatcar-ci.md 4, step 9). The keep list: published releases
 * newest first, up to {@code keepPerChannel} per minor 0, 1 and 2 (alpha, beta, stable) and, for minor 3 and
 * up (LTS), up to {@code keepPerChannel} per major of the {@code keepLtsMajors} newest LTS majors. A directory
 * named exactly {@code N.N.N} in {@code sdk/<arch>}, {@code containers}, {@code boards/<arch>-usr},
 * {@code images/<arch>} or {@code testing} stays if (1) it is in the keep list, (2) it is an SDK directory of
 * a kept release's major, (3) its major is above the newest kept release's (an unpublished new Alpha),
 * (4) it has a kept release's major with a higher minor (an unpublished promotion) or (5) a kept release's
 * major and minor with a higher patch (an unpublished patch release). Everything else goes.
 */
final class ReleaseCopies {

    private ReleaseCopies() {
    }

    /** A release number, ordered like {@code sort -V}. */
    record Release(long major, long minor, long patch) implements Comparable<Release> {

        static Release of(String version) {
            long[] n = FlatcarVersions.numbers(version);
            return new Release(n[0], n[1], n[2]);
        }

        @Override
        public int compareTo(Release other) {
            return Comparator.comparingLong(Release::major).thenComparingLong(Release::minor)
                    .thenComparingLong(Release::patch).compare(this, other);
        }

        String channel() {
            return minor == 0 ? "alpha" : minor == 1 ? "beta" : minor == 2 ? "stable" : "lts";
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    static List<String> scannedDirectories(List<String> arches) {
        List<String> directories = new ArrayList<>();
        arches.forEach(arch -> directories.add(CacheLayout.SDK + "/" + arch + "/"));
        directories.add(CacheLayout.CONTAINERS + "/");
        arches.forEach(arch -> directories.add(CacheLayout.BOARDS + "/" + arch + CacheLayout.BOARD_SUFFIX + "/"));
        arches.forEach(arch -> directories.add(CacheLayout.IMAGES + "/" + arch + "/"));
        directories.add(CacheLayout.TESTING + "/");
        return directories;
    }

    /** The keep list, newest first, with the reason each release is on it. */
    static Map<Release, String> keepList(List<PublishedRelease> releases, GcSettings settings) {
        List<Release> sorted = releases.stream().map(r -> FlatcarVersions.releaseNumberIn(r.version()))
                .flatMap(java.util.Optional::stream).distinct().map(Release::of).sorted(Comparator.reverseOrder())
                .toList();
        Map<Long, Integer> perMinor = new HashMap<>();
        Map<Long, Integer> perLtsMajor = new LinkedHashMap<>();
        Map<Release, String> keep = new LinkedHashMap<>();
        for (Release release : sorted) {
            if (release.minor() <= 2) {
                int seen = perMinor.merge(release.minor(), 1, Integer::sum);
                if (seen <= settings.keepPerChannel()) {
                    keep.put(release, "#" + seen + " of the newest " + settings.keepPerChannel() + " "
                            + release.channel() + " releases");
                }
            } else {
                int seen = perLtsMajor.merge(release.major(), 1, Integer::sum);
                if (seen <= settings.keepPerChannel() && perLtsMajor.size() <= settings.keepLtsMajors()) {
                    keep.put(release, "#" + seen + " of the newest " + settings.keepPerChannel()
                            + " LTS releases of major " + release.major() + ", one of the newest "
                            + settings.keepLtsMajors() + " LTS majors");
                }
            }
        }
        return keep;
    }

    static List<GcDecision> decide(List<PublishedRelease> releases, Set<String> alreadyPurged, CacheSnapshot cache,
            GcSettings settings) {
        Map<Release, String> keep = keepList(releases, settings);
        List<GcDecision> decisions = new ArrayList<>();
        for (String directory : scannedDirectories(settings.arches())) {
            for (String name : cache.childrenOf(directory)) {
                String path = directory + name + "/";
                if (FlatcarVersions.isRelease(name) && !alreadyPurged.contains(path)) {
                    decisions.add(decide(path, directory, Release.of(name), keep));
                }
            }
        }
        return decisions;
    }

    private static GcDecision decide(String path, String directory, Release candidate, Map<Release, String> keep) {
        String version = candidate.toString();
        if (keep.isEmpty()) {
            return GcDecision.keep(GcRule.RELEASE_COPY, "release.none-published", path, version,
                    "no published release is known: every release directory counts as unpublished");
        }
        long newestMajor = keep.keySet().iterator().next().major();
        for (Map.Entry<Release, String> entry : keep.entrySet()) {
            Release kept = entry.getKey();
            if (kept.equals(candidate)) {
                return GcDecision.keep(GcRule.RELEASE_COPY, "release.kept", path, version, entry.getValue());
            }
            if (directory.startsWith(CacheLayout.SDK + "/") && candidate.major() == kept.major()) {
                return GcDecision.keep(GcRule.RELEASE_COPY, "release.sdk", path, version,
                        "holds the SDK of kept release " + kept);
            }
            if (candidate.major() > newestMajor) {
                return GcDecision.keep(GcRule.RELEASE_COPY, "release.new-major", path, version, "major above "
                        + newestMajor + ", the newest kept release's: an unpublished new Alpha");
            }
            if (candidate.major() == kept.major() && candidate.minor() > kept.minor()) {
                return GcDecision.keep(GcRule.RELEASE_COPY, "release.promotion", path, version,
                        "unpublished promotion of kept release " + kept);
            }
            if (candidate.major() == kept.major() && candidate.minor() == kept.minor()
                    && candidate.patch() > kept.patch()) {
                return GcDecision.keep(GcRule.RELEASE_COPY, "release.patch", path, version,
                        "unpublished patch release after kept release " + kept);
            }
        }
        return GcDecision.purge(GcRule.RELEASE_COPY, "release.expired", path, version,
                "release copy no longer kept: not in the keep list and newer than no kept release", List.of(path));
    }
}
