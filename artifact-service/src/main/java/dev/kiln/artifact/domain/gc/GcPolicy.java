package dev.kiln.artifact.domain.gc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flatcar's garbage collection as a pure function of what is known (tags with dates, published releases,
 * the cache's directories) and the settings: dev builds first, then orphans against the tags that remain,
 * then release copies among the directories that remain. The plan is also what a run executes.
 */
public final class GcPolicy {

    private GcPolicy() {
    }

    public static GcPlan plan(List<KnownVersion> tags, List<PublishedRelease> releases, CacheSnapshot cache,
            GcSettings settings, Instant now) {
        List<GcDecision> decisions = new ArrayList<>(DevBuilds.decide(tags, cache, settings, now));
        Set<String> purgedTags = decisions.stream().filter(GcDecision::purges).map(GcDecision::subject)
                .collect(Collectors.toSet());
        Set<String> purgedPaths = new HashSet<>();
        decisions.stream().filter(GcDecision::purges).forEach(d -> purgedPaths.addAll(d.prefixes()));
        List<GcDecision> orphans = Orphans.decide(tags, purgedTags, purgedPaths, cache, settings);
        orphans.stream().filter(GcDecision::purges).forEach(d -> purgedPaths.addAll(d.prefixes()));
        decisions.addAll(orphans);
        decisions.addAll(ReleaseCopies.decide(releases, purgedPaths, cache, settings));
        return new GcPlan(now, settings, decisions);
    }
}
