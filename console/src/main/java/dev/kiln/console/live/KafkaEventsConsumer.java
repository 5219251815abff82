package dev.kiln.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.events.kafka.CloudEventRecords;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.events.kafka.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code kiln.builds} and {@code kiln.releases} in the console's own consumer groups (one per console
 * instance, from the newest offset: a browser wants what happens from now on) and hands each event to
 * {@link LiveEvents}. Nothing is stored, so a repeated event only repaints a page again.
 */
@ApplicationScoped
public class KafkaEventsConsumer {

    private static final Logger LOG = Logger.getLogger(KafkaEventsConsumer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveEvents live;

    public KafkaEventsConsumer(LiveEvents live) {
        this.live = live;
    }

    @Incoming("builds")
    public void builds(ConsumerRecord<String, String> record) {
        forward(record);
    }

    @Incoming("releases")
    public void releases(ConsumerRecord<String, String> record) {
        forward(record);
    }

    private void forward(ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = CloudEventRecords.read(record);
            live.publish(LiveEvent.of(record.topic(), event.type(), event.key(), stepRun(event.data())));
        } catch (MalformedEventException e) {
            LOG.warnf("skipping a record of %s at offset %d: %s", record.topic(), record.offset(), e.getMessage());
        }
    }

    private static String stepRun(String data) {
        try {
            JsonNode json = JSON.readTree(data);
            return json.hasNonNull("stepRun") ? json.get("stepRun").asText() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
