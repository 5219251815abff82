package dev.kiln.localstack.testsystem;

import dev.kiln.events.Topics;
import dev.kiln.events.kafka.CloudEventRecords;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.events.kafka.MalformedEventException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code kiln.releases} in the test system's own consumer group, at least once: an offset is committed only
 * after its event was handled. When something the handler needs is {@link Unavailable}, the partition goes back to
 * that event and it is tried again after a pause.
 */
final class CandidateListener implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CandidateListener.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

    private final KafkaConsumer<String, String> consumer;
    private final CandidateHandler handler;
    private final String group;
    private volatile boolean stopping;

    CandidateListener(String bootstrapServers, String group, CandidateHandler handler) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        this.handler = handler;
        this.group = group;
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(Topics.RELEASES));
        LOG.info("listening on {} as consumer group {}", Topics.RELEASES, group);
        try {
            while (!stopping) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                if (!handleAll(records)) {
                    sleep(RETRY_PAUSE);
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
            LOG.info("stopped listening");
        }
    }

    /** Asks the loop to stop; safe from another thread. */
    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /** Handles each partition's records in order; returns false when one partition has to be tried again. */
    private boolean handleAll(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean allDone = true;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                try {
                    handle(record);
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (Unavailable e) {
                    LOG.warn("{}; trying {}-{} offset {} again in {} s", e.getMessage(), partition.topic(),
                            partition.partition(), record.offset(), RETRY_PAUSE.toSeconds());
                    consumer.seek(partition, record.offset());
                    allDone = false;
                    break;
                }
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        return allDone;
    }

    private void handle(ConsumerRecord<String, String> record) {
        IncomingEvent event;
        try {
            event = CloudEventRecords.read(record);
        } catch (MalformedEventException e) {
            LOG.warn("skipping a record that is no CloudEvent ({}-{} offset {}): {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        try {
            handler.handle(event);
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping event {} ({}): its data is unreadable: {}", event.id(), event.type(), e.getMessage());
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
