package dev.kiln.artifact.domain.gc;

import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import java.util.ArrayList;
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

    static List<String> scannedDirectories(List<String> arches) {
        List<String> directories = new ArrayList<>();
        arches.forEach(arch -> directories.add(CacheAreas.SDK + "/" + arch + "/"));
        directories.add(CacheAreas.CONTAINERS + "/");
        arches.forEach(arch -> directories.add(CacheAreas.BOARDS + "/" + CacheAreas.board(arch) + "/"));
        arches.forEach(arch -> directories.add(CacheAreas.IMAGES + "/" + arch + "/"));
        directories.add(CacheAreas.TESTING + "/");
        return directories;
    }

    /** The keep list, newest first, with the reason each release is on it. */
    static Map<Version, String> keepList(List<PublishedRelease> releases, GcSettings settings) {
        List<Version> sorted = releases.stream().map(r -> KnownVersion.versionNamedBy(r.version()))
                .flatMap(java.util.Optional::stream).map(Version::withoutBuildId).distinct()
                .sorted(Version.BY_NUMBER.reversed()).toList();
        Map<Integer, Integer> perMinor = new HashMap<>();
        Map<Integer, Integer> perLtsMajor = new LinkedHashMap<>();
        Map<Version, String> keep = new LinkedHashMap<>();
        for (Version release : sorted) {
            Channel channel = release.channel();
            // minors above LTS's have no channel; Flatcar's script counts them with LTS, and so does this
            if (channel != null && channel != Channel.LTS) {
                int seen = perMinor.merge(release.minor(), 1, Integer::sum);
                if (seen <= settings.keepPerChannel()) {
                    keep.put(release, "#" + seen + " of the newest " + settings.keepPerChannel() + " "
                            + channel.id() + " releases");
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
        Map<Version, String> keep = keepList(releases, settings);
        List<GcDecision> decisions = new ArrayList<>();
        for (String directory : scannedDirectories(settings.arches())) {
            for (String name : cache.childrenOf(directory)) {
                String path = directory + name + "/";
                // only a name that is exactly MMMM.m.p is a release copy; anything else is the orphan sweep's
                Version.tryParse(name).filter(Version::official).filter(v -> !alreadyPurged.contains(path))
                        .ifPresent(release -> decisions.add(decide(path, directory, release, keep)));
            }
        }
        return decisions;
    }

    private static GcDecision decide(String path, String directory, Version candidate, Map<Version, String> keep) {
        String version = candidate.versionId();
        if (keep.isEmpty()) {
            return GcDecision.keep(GcRule.RELEASE_COPY, "release.none-published", path, version,
                    "no published release is known: every release directory counts as unpublished");
        }
        long newestMajor = keep.keySet().iterator().next().major();
        for (Map.Entry<Version, String> entry : keep.entrySet()) {
            Version kept = entry.getKey();
            if (kept.equals(candidate)) {
                return GcDecision.keep(GcRule.RELEASE_COPY, "release.kept", path, version, entry.getValue());
            }
            if (directory.startsWith(CacheAreas.SDK + "/") && candidate.major() == kept.major()) {
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
