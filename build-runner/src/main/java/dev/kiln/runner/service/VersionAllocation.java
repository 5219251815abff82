package dev.kiln.runner.service;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.BuildReconciler;
import dev.kiln.runner.domain.build.BuildState;
import dev.kiln.runner.domain.build.VersionInfo;
import dev.kiln.runner.domain.port.PortException;
import dev.kiln.runner.domain.port.VersionAllocator;
import dev.kiln.runner.persistence.BuildStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Gets a requested build its version: a new one from version-service (idempotent by the build id, so a
 * retry or a restart never allocates twice) or the one of the tag it names. A failure that may pass is
 * retried later; a permanent one, or too many, fails the build before it starts.
 */
final class VersionAllocation {

    private static final Logger LOG = Logger.getLogger(VersionAllocation.class);

    private final VersionAllocator versions;
    private final BuildStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final int maxAttempts;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    VersionAllocation(VersionAllocator versions, BuildStore store, Outbox outbox, Clock clock, int maxAttempts) {
        this.versions = versions;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** Returns true when the build now has a version (or ended); false when it should be tried again later. */
    boolean allocate(Build build, Consumer<String> log) {
        VersionInfo version;
        try {
            version = build.request().tag() != null
                    ? versions.find(build.request().tag()).orElseThrow(() -> new PortException(
                            "version-service does not know tag " + build.request().tag(), true, null))
                    : versions.allocate(build.request().version(), "kiln-build-" + build.id());
        } catch (PortException e) {
            int failed = failures.merge(build.id(), 1, Integer::sum);
            if (retryAfter(build.id(), e, failed)) {
                LOG.warnf("build %s: no version yet, trying again (%d of %d tries failed): %s", build.id(), failed,
                        maxAttempts, e.getMessage());
                return false;
            }
            LOG.warnf("build %s: no version (%s), so it ended before it started", build.id(), e.getMessage());
            failures.remove(build.id());
            return true;
        }
        failures.remove(build.id());
        finish(build.id(), b -> b.start(version, clock.instant()));
        log.accept("build " + build.id() + " builds " + version.tag());
        return true;
    }

    /** Lets the domain decide whether to try again; when not, the failed build is stored with its events. */
    private boolean retryAfter(String buildId, PortException failure, int failed) {
        return QuarkusTransaction.requiringNew().call(() -> store.lock(buildId)
                .filter(stored -> stored.build().state() == BuildState.REQUESTED)
                .map(stored -> {
                    boolean retry = BuildReconciler.retryAllocation(stored.build(), failure.getMessage(), failure.permanent(),
                            failed, maxAttempts, clock.instant());
                    if (!retry) {
                        store.save(stored);
                        stored.build().drainEvents().forEach(outbox::append);
                    }
                    return retry;
                })
                .orElse(false));
    }

    private void finish(String buildId, Consumer<Build> change) {
        QuarkusTransaction.requiringNew().run(() -> store.lock(buildId).ifPresent(stored -> {
            if (stored.build().state() == BuildState.REQUESTED) {
                change.accept(stored.build());
                store.save(stored);
                stored.build().drainEvents().forEach(outbox::append);
            }
        }));
    }
}
