package dev.kiln.release.messaging;

import dev.kiln.events.EventCatalog;
import dev.kiln.release.service.Candidates;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code kiln.builds} (group {@code release-service-builds}): a successful build may make a candidate. */
@ApplicationScoped
public class BuildEventsConsumer {

    static final String CONSUMER = "release-service-builds";

    private final EventConsumption consumption;
    private final Candidates candidates;

    public BuildEventsConsumer(EventConsumption consumption, Candidates candidates) {
        this.consumption = consumption;
        this.candidates = candidates;
    }

    @Incoming("builds-in")
    @Blocking
    public void builds(ConsumerRecord<String, String> record) {
        consumption.read(record).filter(e -> e.is(EventCatalog.BUILD_SUCCEEDED)).ifPresent(event -> consumption.applyOnce(
                CONSUMER, event, e -> candidates.buildSucceeded(e.dataAs(EventCatalog.BUILD_SUCCEEDED))));
    }
}
