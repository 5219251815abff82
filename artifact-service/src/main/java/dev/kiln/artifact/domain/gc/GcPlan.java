package dev.kiln.artifact.domain.gc;

import java.time.Instant;
import java.util.List;

/** A complete dry run: every decision in the order a run executes them (dev builds, orphans, release copies). */
public record GcPlan(Instant computedAt, GcSettings settings, List<GcDecision> decisions) {

    public GcPlan {
        decisions = List.copyOf(decisions);
    }

    public List<GcDecision> purges() {
        return decisions.stream().filter(GcDecision::purges).toList();
    }
}
