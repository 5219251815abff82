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
 * then release copies among the directories that remain; an images directory a channel copied always stays. The
 * plan is also what a run executes.
 */
public final class GcPolicy {

    private GcPolicy() {
    }

    public static GcPlan plan(List<KnownVersion> tags, List<PublishedRelease> releases, CacheSnapshot cache,
            GcSettings settings, Instant now) {
        return plan(tags, releases, cache, settings, now, Set.of());
    }

    /**
     * The plan, in which no {@code images/<arch>/<V>/} directory in {@code channelSources} (those a channel
     * directory was copied from) is purged. Channel directories themselves are never looked at, so never purged.
     */
    public static GcPlan plan(List<KnownVersion> tags, List<PublishedRelease> releases, CacheSnapshot cache,
            GcSettings settings, Instant now, Set<String> channelSources) {
        List<GcDecision> decisions = new ArrayList<>(DevBuilds.decide(tags, cache, settings, now));
        Set<String> purgedTags = decisions.stream().filter(GcDecision::purges).map(GcDecision::subject)
                .collect(Collectors.toSet());
        Set<String> purgedPaths = new HashSet<>();
        decisions.stream().filter(GcDecision::purges).forEach(d -> purgedPaths.addAll(d.prefixes()));
        List<GcDecision> orphans = Orphans.decide(tags, purgedTags, purgedPaths, cache, settings);
        orphans.stream().filter(GcDecision::purges).forEach(d -> purgedPaths.addAll(d.prefixes()));
        decisions.addAll(orphans);
        decisions.addAll(ReleaseCopies.decide(releases, purgedPaths, cache, settings));
        return new GcPlan(now, settings, decisions.stream().map(d -> keepChannelSource(d, channelSources)).toList());
    }

    private static GcDecision keepChannelSource(GcDecision decision, Set<String> channelSources) {
        return decision.purges() && decision.prefixes().stream().anyMatch(channelSources::contains)
                ? GcDecision.keep(decision.rule(), "release.in-channel", decision.subject(), decision.version(),
                        "a channel directory was copied from it: the source of a published release stays")
                : decision;
    }
}
