package dev.kiln.common.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Deletes sent outbox rows once they are older than {@code kiln.outbox.retention}. */
@ApplicationScoped
public class OutboxJanitor {

    private static final Logger LOG = Logger.getLogger(OutboxJanitor.class);

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final Clock clock;

    public OutboxJanitor(OutboxRepository repository, OutboxConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeSentRows() {
        long deleted = repository.deleteSentBefore(clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.infof("outbox: deleted %d sent event(s) older than %s", deleted, config.retention());
        }
    }
}
