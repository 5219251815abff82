package dev.kiln.artifact.domain.gc;

import dev.kiln.flatcar.CacheAreas;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Flatcar's {@code garbage_collect} for dev builds (flatcar-ci.md 4, steps 1-5): among the tags
 * {@code <prefix>-N.N.N-<build id>} (a prefix of {@link Tag#PREFIXES}) not ending in {@code -pro}, newest
 * first by creation, the newest {@code keep} stay; of the rest, those created on or before
 * {@code today - minAgeDays} (UTC days) are purged in every area, and their tags deleted. An explicit purge
 * list replaces keep and age.
 */
final class DevBuilds {

    private static final String PRO_SUFFIX = "-pro";

    private DevBuilds() {
    }

    /**
     * A dev build tag as Flatcar's collector matches it: a known prefix, a build id, and written with {@code -}
     * (a tag spelled {@code main-9999.9.9+x} is no match there, so it is none here either).
     */
    static boolean isCandidate(String tag) {
        return Tag.tryParse(tag).filter(t -> Tag.PREFIXES.contains(t.prefix()) && !t.version().official())
                .filter(t -> t.name().equals(tag)).isPresent() && !tag.endsWith(PRO_SUFFIX);
    }

    /** A channel's tag without build id; the minor need not match the channel (tags of 2020 do not). */
    private static boolean isOfficial(String tag) {
        return Tag.tryParse(tag).filter(t -> Channel.ofId(t.prefix()).isPresent() && t.version().official())
                .filter(t -> t.name().equals(tag)).isPresent();
    }

    static List<GcDecision> decide(List<KnownVersion> tags, CacheSnapshot cache, GcSettings settings, Instant now) {
        List<GcDecision> decisions = new ArrayList<>();
        List<KnownVersion> candidates = new ArrayList<>();
        for (KnownVersion tag : tags) {
            if (isCandidate(tag.tag())) {
                candidates.add(tag);
            } else {
                decisions.add(notACandidate(tag));
            }
        }
        candidates.sort(Comparator.comparing(KnownVersion::createdAt).thenComparing(KnownVersion::tag).reversed());
        LocalDate cutoff = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(settings.minAgeDays());
        for (int i = 0; i < candidates.size(); i++) {
            decisions.add(settings.purgeTags().isEmpty() ? byKeepAndAge(candidates.get(i), i, cutoff, cache, settings)
                    : byExplicitList(candidates.get(i), cache, settings));
        }
        return decisions;
    }

    private static GcDecision notACandidate(KnownVersion tag) {
        String version = version(tag);
        if (tag.tag().endsWith(PRO_SUFFIX)) {
            return GcDecision.keep(GcRule.DEV_BUILD, "dev.pro", tag.tag(), version, "'-pro' tags are never collected");
        }
        if (isOfficial(tag.tag())) {
            return GcDecision.keep(GcRule.DEV_BUILD, "dev.official", tag.tag(), version,
                    "official release tag: not a dev build");
        }
        return GcDecision.keep(GcRule.DEV_BUILD, "dev.other", tag.tag(), version,
                "not a dev build tag (<channel>-N.N.N-<build id>): never collected");
    }

    private static GcDecision byKeepAndAge(KnownVersion tag, int rank, LocalDate cutoff, CacheSnapshot cache,
            GcSettings settings) {
        String version = version(tag);
        if (rank < settings.keep()) {
            return GcDecision.keep(GcRule.DEV_BUILD, "dev.newest", tag.tag(), version,
                    "#" + (rank + 1) + " of the newest " + settings.keep() + " dev builds");
        }
        LocalDate created = LocalDate.ofInstant(tag.createdAt(), ZoneOffset.UTC);
        if (created.isAfter(cutoff)) {
            return GcDecision.keep(GcRule.DEV_BUILD, "dev.young", tag.tag(), version, "created " + created
                    + ", younger than " + settings.minAgeDays() + " days (after " + cutoff + ")");
        }
        return GcDecision.purge(GcRule.DEV_BUILD, "dev.expired", tag.tag(), version, "#" + (rank + 1)
                + ", beyond the newest " + settings.keep() + " dev builds, and created " + created + ", on or before "
                + cutoff, prefixes(version, cache));
    }

    private static GcDecision byExplicitList(KnownVersion tag, CacheSnapshot cache, GcSettings settings) {
        String version = version(tag);
        if (settings.purgeTags().contains(tag.tag())) {
            return GcDecision.purge(GcRule.DEV_BUILD, "dev.listed", tag.tag(), version,
                    "in the explicit purge list", prefixes(version, cache));
        }
        return GcDecision.keep(GcRule.DEV_BUILD, "dev.unlisted", tag.tag(), version,
                "not in the explicit purge list");
    }

    /** What {@code rm -rf} removes for version V (docker form DV): flatcar-ci.md 4, step 5. */
    static List<String> prefixes(String version, CacheSnapshot cache) {
        String docker = Version.parse(version).dashForm();
        List<String> prefixes = new ArrayList<>();
        underEveryArch(CacheAreas.SDK, version, cache, prefixes);
        if (cache.has(CacheAreas.CONTAINERS + "/", docker)) {
            for (String image : List.of("flatcar-sdk-", "flatcar-packages-", "flatcar-images-")) {
                prefixes.add(CacheAreas.CONTAINERS + "/" + docker + "/" + image);
            }
        }
        underEveryArch(CacheAreas.BOARDS, version, cache, prefixes);
        underEveryArch(CacheAreas.IMAGES, version, cache, prefixes);
        for (String area : List.of(CacheAreas.TESTING, CacheAreas.BUILD_LOGS)) {
            if (cache.has(area + "/", version)) {
                prefixes.add(area + "/" + version + "/");
            }
        }
        return prefixes;
    }

    private static void underEveryArch(String area, String version, CacheSnapshot cache, List<String> prefixes) {
        for (String arch : cache.childrenOf(area + "/")) {
            String parent = area + "/" + arch + "/";
            if (cache.has(parent, version)) {
                prefixes.add(parent + version + "/");
            }
        }
    }

    private static String version(KnownVersion tag) {
        // the reported version wins; a candidate's tag always names one, so its prefixes can be built
        return Optional.ofNullable(tag.version()).flatMap(Version::tryParse)
                .or(() -> KnownVersion.versionNamedBy(tag.tag())).map(Version::plusForm).orElse(tag.version());
    }
}
