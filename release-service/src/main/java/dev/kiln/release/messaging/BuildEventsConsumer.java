package dev.kiln.release.messaging;

import dev.kiln.events.BuildCancelled;
import dev.kiln.events.BuildFailed;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.release.domain.promotion.BuildOutcome;
import dev.kiln.release.service.BuildEnds;
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
    private final BuildEnds ends;

    public BuildEventsConsumer(EventConsumption consumption, BuildEnds ends) {
        this.consumption = consumption;
        this.ends = ends;
    }

    @Incoming("builds-in")
    @Blocking
    public void builds(ConsumerRecord<String, String> record) {
        consumption.read(record).filter(e -> e.is(EventCatalog.BUILD_SUCCEEDED) || e.is(EventCatalog.BUILD_FAILED)
                || e.is(EventCatalog.BUILD_CANCELLED)).ifPresent(event -> consumption.applyOnce(CONSUMER, event, this::apply));
    }

    private void apply(IncomingEvent event) {
        if (event.is(EventCatalog.BUILD_SUCCEEDED)) {
            ends.succeeded(BuildEnds.of(event.dataAs(EventCatalog.BUILD_SUCCEEDED)));
        } else if (event.is(EventCatalog.BUILD_FAILED)) {
            BuildFailed failed = event.dataAs(EventCatalog.BUILD_FAILED);
            ends.ended(failed.buildId(), new BuildOutcome(BuildOutcome.Result.FAILED, failed.reason()));
        } else {
            BuildCancelled cancelled = event.dataAs(EventCatalog.BUILD_CANCELLED);
            ends.ended(cancelled.buildId(), new BuildOutcome(BuildOutcome.Result.CANCELLED, cancelled.reason()));
        }
    }
}
