package dev.kiln.runner.execution.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * An informer that does not stay stopped: when Fabric8 gives one up (a list or watch failed for good), a
 * new one is started after a pause, and its initial list brings the cache up to date again. Until then
 * the old cache keeps answering and the engine's resync confirms what it needs with the API server.
 */
final class LiveInformer<T extends HasMetadata> {

    private static final Logger LOG = Logger.getLogger(LiveInformer.class);
    private static final long RESTART_SECONDS = 2;

    private final String what;
    private final Supplier<SharedIndexInformer<T>> create;
    private final Map<String, Function<T, List<String>>> indexers;
    private final ResourceEventHandler<T> handler;
    private final ScheduledExecutorService restarts;
    private volatile SharedIndexInformer<T> current;
    private volatile boolean closed;

    LiveInformer(String what, Supplier<SharedIndexInformer<T>> create, Map<String, Function<T, List<String>>> indexers,
            ResourceEventHandler<T> handler) {
        this.what = what;
        this.create = create;
        this.indexers = indexers;
        this.handler = handler;
        this.restarts = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kiln-informer-" + what)
                .daemon().factory());
        start();
    }

    private void start() {
        SharedIndexInformer<T> informer = create.get();
        if (!indexers.isEmpty()) {
            informer.addIndexers(indexers);
        }
        informer.addEventHandler(handler);
        current = informer;
        informer.stopped().whenComplete((ignored, failure) -> {
            if (!closed) {
                LOG.warnf("the %s informer stopped (%s); starting a new one in %ds", what,
                        failure == null ? "no error" : failure.getMessage(), RESTART_SECONDS);
                restarts.schedule(this::start, RESTART_SECONDS, TimeUnit.SECONDS);
            }
        });
        informer.run();
    }

    SharedIndexInformer<T> get() {
        return current;
    }

    void close() {
        closed = true;
        restarts.shutdownNow();
        current.stop();
    }
}
