package dev.kiln.release.service;

import dev.kiln.events.BuildSucceeded;
import dev.kiln.release.domain.promotion.BuildOutcome;
import dev.kiln.release.domain.promotion.BuildStatus;
import dev.kiln.release.domain.promotion.BuiltVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The end of a build, taken the same way whether build-runner's event announced it or build-runner answered it when
 * asked ({@link PromotionEngine}, after the event was overdue): a success makes the candidate, and the request that
 * started the build keeps the outcome. Taking the same end twice changes nothing, whichever way came first.
 */
@ApplicationScoped
public class BuildEnds {

    private final Candidates candidates;
    private final Promotions promotions;

    public BuildEnds(Candidates candidates, Promotions promotions) {
        this.candidates = candidates;
        this.promotions = promotions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(BuiltVersion build) {
        candidates.buildSucceeded(build);
        promotions.buildEnded(build.buildId(), new BuildOutcome(BuildOutcome.Result.SUCCEEDED, "build succeeded"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(String buildId, BuildOutcome outcome) {
        promotions.buildEnded(buildId, outcome);
    }

    /** build-runner's answer about a build; one that still runs changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(BuildStatus status) {
        status.outcome().ifPresent(outcome -> {
            if (outcome.result() == BuildOutcome.Result.SUCCEEDED) {
                succeeded(status.build());
            } else {
                ended(status.build().buildId(), outcome);
            }
        });
    }

    /** The event's data as {@link #succeeded} takes it. */
    public static BuiltVersion of(BuildSucceeded event) {
        return new BuiltVersion(event.buildId(), event.pipeline(), event.pipelineDigest(), event.params(), event.tag(),
                event.version(), event.sdkVersion(), event.arches(), event.vendors(), event.branch(), event.commit());
    }
}
