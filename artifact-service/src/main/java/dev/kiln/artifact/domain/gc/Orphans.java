package dev.kiln.artifact.domain.gc;

import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flatcar's orphan sweep (flatcar-ci.md 4, step 6): in {@code sdk/<arch>}, {@code containers},
 * {@code boards/<arch>-usr}, {@code images/<arch>}, {@code testing} and {@code build-logs}, a directory whose
 * name, with its first {@code +} turned into {@code -}, is a substring of no tag is removed. The tags are those
 * known after this plan's dev build purges; GitHub CI SDK containers are left to their own collector.
 */
final class Orphans {

    private Orphans() {
    }

    /** The directories the sweep inspects, for the given architectures. */
    static List<String> sweptDirectories(List<String> arches) {
        List<String> directories = new ArrayList<>();
        arches.forEach(arch -> directories.add(CacheAreas.SDK + "/" + arch + "/"));
        directories.add(CacheAreas.CONTAINERS + "/");
        arches.forEach(arch -> directories.add(CacheAreas.BOARDS + "/" + CacheAreas.board(arch) + "/"));
        arches.forEach(arch -> directories.add(CacheAreas.IMAGES + "/" + arch + "/"));
        directories.add(CacheAreas.TESTING + "/");
        directories.add(CacheAreas.BUILD_LOGS + "/");
        return directories;
    }

    static List<GcDecision> decide(List<KnownVersion> tags, Set<String> purgedTags, Set<String> alreadyPurged,
            CacheSnapshot cache, GcSettings settings) {
        List<String> remaining = tags.stream().map(KnownVersion::tag).filter(t -> !purgedTags.contains(t)).toList();
        List<GcDecision> decisions = new ArrayList<>();
        for (String directory : sweptDirectories(settings.arches())) {
            for (String name : cache.childrenOf(directory)) {
                String path = directory + name + "/";
                if (!alreadyPurged.contains(path)) {
                    decisions.add(decide(path, name, directory, tags, remaining, purgedTags));
                }
            }
        }
        return decisions;
    }

    private static GcDecision decide(String path, String name, String directory, List<KnownVersion> all,
            List<String> remaining, Set<String> purgedTags) {
        String fragment = tagFragment(name);
        String version = Version.tryParse(name).map(Version::plusForm).orElse(null);
        if (directory.equals(CacheAreas.CONTAINERS + "/") && fragment.contains("-github-")) {
            return GcDecision.keep(GcRule.ORPHAN, "orphan.github", path, version,
                    "GitHub CI SDK container: not swept as an orphan");
        }
        if (remaining.isEmpty()) {
            return GcDecision.keep(GcRule.ORPHAN, "orphan.no-tags", path, version,
                    "no tag is known at all: the orphan sweep is skipped rather than removing everything");
        }
        Optional<String> tag = remaining.stream().filter(t -> t.contains(fragment)).findFirst();
        if (tag.isPresent()) {
            return GcDecision.keep(GcRule.ORPHAN, "orphan.tagged", path, version,
                    "tag " + tag.get() + " contains '" + fragment + "'");
        }
        Optional<String> purged = all.stream().map(KnownVersion::tag).filter(purgedTags::contains)
                .filter(t -> t.contains(fragment)).findFirst();
        String why = "no known tag contains '" + fragment + "'" + purged.map(t -> " (" + t + " is purged above)")
                .orElse("");
        return GcDecision.purge(GcRule.ORPHAN, "orphan.untagged", path, version, why, List.of(path));
    }

    /**
     * What Flatcar's sweep looks for among the tags: the name with only its first {@code +} as {@code -}
     * ({@code ${dir/+/-}} in bash), so this is text, not a version: names that are none are swept too.
     */
    static String tagFragment(String directoryName) {
        int plus = directoryName.indexOf('+');
        return plus < 0 ? directoryName : directoryName.substring(0, plus) + "-" + directoryName.substring(plus + 1);
    }
}
