package dev.kiln.console.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Predicate;

/** The console's one fan-out point: every event read from Kafka goes to every browser stream that wants it. */
@ApplicationScoped
public class LiveEvents {

    private final BroadcastProcessor<LiveEvent> events = BroadcastProcessor.create();

    public void publish(LiveEvent event) {
        events.onNext(event);
    }

    /** Events from now on that pass {@code filter}; nothing is replayed. */
    public Multi<LiveEvent> stream(Predicate<LiveEvent> filter) {
        return events.filter(filter);
    }
}
