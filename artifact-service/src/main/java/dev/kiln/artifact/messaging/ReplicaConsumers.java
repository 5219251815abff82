package dev.kiln.artifact.messaging;

import dev.kiln.artifact.domain.gc.KnownVersion;
import dev.kiln.artifact.domain.gc.PublishedRelease;
import dev.kiln.artifact.domain.gc.VersionCatalog;
import dev.kiln.common.inbox.IdempotentConsumer;
import dev.kiln.common.retry.RetryPolicy;
import dev.kiln.events.EventCatalog;
import dev.kiln.events.ReleasePublished;
import dev.kiln.events.VersionTagged;
import dev.kiln.events.kafka.CloudEventRecords;
import dev.kiln.events.kafka.IncomingEvent;
import dev.kiln.events.kafka.MalformedEventException;
import dev.kiln.flatcar.Version;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the replica garbage collection plans from: tags from {@code kiln.versions}
 * ({@code dev.kiln.version.tagged.v1} adds, {@code .deleted.v1} removes) and published releases from
 * {@code kiln.releases}. Each event is applied once. A handler that keeps failing fails the channel (and the
 * health check) rather than skip the event: a missed tag would make its directories look orphaned.
 */
@ApplicationScoped
public class ReplicaConsumers {

    static final String VERSIONS_CONSUMER = "artifact-service-versions";
    static final String RELEASES_CONSUMER = "artifact-service-releases";
    private static final Logger LOG = Logger.getLogger(ReplicaConsumers.class);
    /** Four tries 0.5, 1 and 2 s apart: a database restart passes; a handler that still fails stops the channel. */
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);

    private final IdempotentConsumer idempotent;
    private final VersionCatalog catalog;

    public ReplicaConsumers(IdempotentConsumer idempotent, VersionCatalog catalog) {
        this.idempotent = idempotent;
        this.catalog = catalog;
    }

    @Incoming("versions-in")
    @Blocking
    public void versions(ConsumerRecord<String, String> record) {
        read(record, event -> {
            if (event.is(EventCatalog.VERSION_TAGGED)) {
                apply(VERSIONS_CONSUMER, event, e -> catalog.add(known(e.dataAs(EventCatalog.VERSION_TAGGED))));
            } else if (event.is(EventCatalog.VERSION_DELETED)) {
                apply(VERSIONS_CONSUMER, event, e -> catalog.remove(e.dataAs(EventCatalog.VERSION_DELETED).tag()));
            }
        });
    }

    @Incoming("releases-in")
    @Blocking
    public void releases(ConsumerRecord<String, String> record) {
        read(record, event -> {
            if (event.is(EventCatalog.RELEASE_PUBLISHED)) {
                apply(RELEASES_CONSUMER, event, e -> release(e.dataAs(EventCatalog.RELEASE_PUBLISHED)));
            }
        });
    }

    private void release(ReleasePublished published) {
        KnownVersion.versionNamedBy(published.version()).map(Version::versionId).ifPresentOrElse(
                number -> catalog.addRelease(new PublishedRelease(number, published.channel(), published.publishedAt())),
                () -> LOG.warnf("ignoring a published release without a release number: %s", published.version()));
    }

    private static KnownVersion known(VersionTagged tagged) {
        return KnownVersion.of(tagged.tag(), tagged.version(), tagged.createdAt());
    }

    private static void read(ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = CloudEventRecords.read(record);
        } catch (MalformedEventException e) {
            LOG.warnf("skipping a record that is no Kiln CloudEvent (%s-%d@%d): %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        handler.accept(event);
    }

    private void apply(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        RetryPolicy.of(consumer, ATTEMPTS, FIRST_WAIT, failure -> true).run(() -> {
            try {
                idempotent.handleOnce(consumer, event, handler);
            } catch (RuntimeException e) {
                LOG.warnf("%s: applying %s %s failed: %s", consumer, event.type(), event.id(), e.getMessage());
                throw e;
            }
        });
    }
}
