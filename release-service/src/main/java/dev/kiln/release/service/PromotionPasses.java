package dev.kiln.release.service;

import dev.kiln.release.domain.promotion.PromotionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs engine passes in the background right after a change committed, so that a request moves within moments of
 * the call or event that concerns it. A request is passed over by one thread at a time; a change arriving during its
 * pass runs another pass after it. Nothing here is needed for correctness: the sweep passes over every open request.
 */
@ApplicationScoped
public class PromotionPasses {

    private static final Logger LOG = Logger.getLogger(PromotionPasses.class);

    private final PromotionEngine engine;
    private final PromotionStore store;
    private final ExecutorService workers = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("kiln-promotion-pass-", 0).daemon().factory());
    private final Set<String> queued = new HashSet<>();
    private final Set<String> running = new HashSet<>();
    private final Set<String> again = new HashSet<>();

    public PromotionPasses(PromotionEngine engine, PromotionStore store) {
        this.engine = engine;
        this.store = store;
    }

    void onTouched(@Observes(during = TransactionPhase.AFTER_SUCCESS) PromotionTouched touched) {
        wake(touched.id());
    }

    /** A release changed: the open request that produced it, if any, gets a pass (looked up off the committing thread). */
    void onReleaseTouched(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReleaseTouched touched) {
        if (!workers.isShutdown()) {
            workers.execute(() -> {
                try {
                    QuarkusTransaction.requiringNew().call(() -> store.findByVersion(touched.version()))
                            .filter(r -> !r.state().finished()).ifPresent(r -> wake(r.id()));
                } catch (RuntimeException e) {
                    LOG.debugf("no pass for the request of %s: %s", touched.version(), e.getMessage());
                }
            });
        }
    }

    /** Asks for a pass over {@code id} soon. */
    public synchronized void wake(String id) {
        if (running.contains(id)) {
            again.add(id);
        } else if (queued.add(id) && !workers.isShutdown()) {
            workers.execute(() -> pass(id));
        }
    }

    private void pass(String id) {
        synchronized (this) {
            queued.remove(id);
            running.add(id);
        }
        try {
            engine.advance(id);
        } catch (RuntimeException e) {
            LOG.warnf(e, "release request %s: pass failed; the sweep tries again", id);
        } finally {
            synchronized (this) {
                running.remove(id);
                if (again.remove(id)) {
                    wake(id);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
