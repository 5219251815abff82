package dev.kiln.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Publishes unsent outbox rows in seq order, marking each sent once Kafka acknowledges it
 * (at-least-once). Woken after every commit that appended a row, and by a periodic poll; while Kafka is
 * unreachable it backs off exponentially up to {@code kiln.outbox.max-backoff}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final KafkaEventPublisher publisher;
    private final OutboxConfig config;
    private final Clock clock;
    private final RelayBackoff backoff;
    private final Counter published;
    private final Counter failures;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("kiln-outbox-relay").daemon().factory());
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public OutboxRelay(OutboxRepository repository, KafkaEventPublisher publisher, OutboxConfig config, Clock clock,
            MeterRegistry meters) {
        this.repository = repository;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.backoff = new RelayBackoff(config.initialBackoff(), config.maxBackoff());
        this.published = meters.counter("kiln.outbox.published");
        this.failures = meters.counter("kiln.outbox.publish.failures");
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wake();
    }

    @Scheduled(every = "${kiln.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Requests a drain; concurrent requests coalesce into one running drain. */
    public void wake() {
        wakeRequested.set(true);
        if (draining.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                draining.set(false);
            }
        }
    }

    /** Unsent rows, for health and metrics. */
    public long backlog() {
        return QuarkusTransaction.requiringNew().call(repository::countUnsent);
    }

    public String lastError() {
        return lastError.get();
    }

    public int consecutiveFailures() {
        return backoff.consecutiveFailures();
    }

    private void drain() {
        try {
            while (wakeRequested.getAndSet(false)) {
                while (backoff.isDue(clock.instant()) && publishBatch() == config.batchSize()) {
                    // a full batch means more rows may be waiting
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "outbox relay stopped draining unexpectedly");
        } finally {
            draining.set(false);
        }
        if (wakeRequested.get()) {
            wake();
        }
    }

    private int publishBatch() {
        BatchResult result;
        try {
            result = QuarkusTransaction.requiringNew()
                    .timeout((int) config.sendTimeout().multipliedBy(2).toSeconds() + 5)
                    .call(this::publishLockedBatch);
        } catch (RuntimeException e) {
            // the events may have reached Kafka but are not marked sent: they go again, and consumers dedupe
            result = new BatchResult(0, 0, "relay transaction failed: " + describe(e));
        }
        if (result.failure() != null) {
            Duration wait = backoff.failed(clock.instant());
            failures.increment();
            lastError.set(result.failure());
            LOG.warnf("outbox: %d event(s) published, then it failed (%s); next attempt in %s",
                    result.published(), result.failure(), wait);
        } else if (result.published() > 0 || result.attempted() == 0) {
            backoff.succeeded();
            lastError.set(null);
        }
        published.increment(result.published());
        return result.failure() == null ? result.attempted() : 0;
    }

    private BatchResult publishLockedBatch() {
        if (!repository.tryRelayLock()) {
            return new BatchResult(0, 0, null);
        }
        List<OutboxEventEntity> batch = repository.nextUnsent(config.batchSize());
        List<CompletableFuture<Void>> acks = batch.stream().map(this::publishSafely).toList();
        int sent = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEventEntity row = batch.get(i);
            row.attempts++;
            try {
                acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                row.lastError = describe(e);
                // later rows may have been acknowledged too; they stay unsent so that order is kept, and
                // their redelivery is absorbed by idempotent consumers
                return new BatchResult(batch.size(), sent, row.lastError);
            }
            row.sentAt = clock.instant();
            row.lastError = null;
            sent++;
        }
        return new BatchResult(batch.size(), sent, null);
    }

    private CompletableFuture<Void> publishSafely(OutboxEventEntity row) {
        try {
            return publisher.publish(row);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while ((root instanceof java.util.concurrent.ExecutionException
                || root instanceof java.util.concurrent.CompletionException) && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private record BatchResult(int attempted, int published, String failure) {
    }
}
