package dev.kiln.release.messaging;

import dev.kiln.events.BuildCancelled;
import dev.kiln.events.BuildFailed;
import dev.kiln.events.BuildSucceeded;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.release.domain.promotion.BuildOutcome;
import dev.kiln.release.service.Candidates;
import dev.kiln.release.service.Promotions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code kiln.builds} (group {@code release-service-builds}): a successful build may make a candidate; the
 * end of a build (succeeded, failed, cancelled) is recorded on the release request that started it, if any.
 */
@ApplicationScoped
public class BuildEventsConsumer {

    static final String CONSUMER = "release-service-builds";

    private final EventConsumption consumption;
    private final Candidates candidates;
    private final Promotions promotions;

    public BuildEventsConsumer(EventConsumption consumption, Candidates candidates, Promotions promotions) {
        this.consumption = consumption;
        this.candidates = candidates;
        this.promotions = promotions;
    }

    @Incoming("builds-in")
    @Blocking
    public void builds(ConsumerRecord<String, String> record) {
        consumption.read(record).filter(e -> e.is(EventCatalog.BUILD_SUCCEEDED) || e.is(EventCatalog.BUILD_FAILED)
                || e.is(EventCatalog.BUILD_CANCELLED)).ifPresent(event -> consumption.applyOnce(CONSUMER, event, this::apply));
    }

    private void apply(IncomingEvent event) {
        if (event.is(EventCatalog.BUILD_SUCCEEDED)) {
            BuildSucceeded built = event.dataAs(EventCatalog.BUILD_SUCCEEDED);
            candidates.buildSucceeded(built);
            promotions.buildEnded(built.buildId(), new BuildOutcome(BuildOutcome.Result.SUCCEEDED, "build succeeded"));
        } else if (event.is(EventCatalog.BUILD_FAILED)) {
            BuildFailed failed = event.dataAs(EventCatalog.BUILD_FAILED);
            promotions.buildEnded(failed.buildId(), new BuildOutcome(BuildOutcome.Result.FAILED, failed.reason()));
        } else {
            BuildCancelled cancelled = event.dataAs(EventCatalog.BUILD_CANCELLED);
            promotions.buildEnded(cancelled.buildId(), new BuildOutcome(BuildOutcome.Result.CANCELLED, cancelled.reason()));
        }
    }
}
