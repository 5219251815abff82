package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.gc.GcPlan;
import java.time.Instant;
import java.util.List;

/** A dry run: the settings, how many decisions purge and keep, and every decision in execution order. */
public record GcPlanResponse(Instant computedAt, GcSettingsResponse settings, int purge, int keep,
        List<GcDecisionResponse> decisions) {

    static GcPlanResponse of(GcPlan plan) {
        int purges = plan.purges().size();
        return new GcPlanResponse(plan.computedAt(), GcSettingsResponse.of(plan.settings()), purges,
                plan.decisions().size() - purges, plan.decisions().stream().map(GcDecisionResponse::of).toList());
    }
}
