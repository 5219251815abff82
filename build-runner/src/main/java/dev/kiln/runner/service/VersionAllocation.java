package dev.kiln.runner.service;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.runner.domain.build.Build;
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
            LOG.warnf("build %s: no version yet (%d of %d): %s", build.id(), failed, maxAttempts, e.getMessage());
            if (!e.permanent() && failed < maxAttempts) {
                return false;
            }
            failures.remove(build.id());
            finish(build.id(), b -> b.failBeforeStart("version-allocation-failed: " + e.getMessage(), clock.instant()));
            return true;
        }
        failures.remove(build.id());
        finish(build.id(), b -> b.start(version, clock.instant()));
        log.accept("build " + build.id() + " builds " + version.tag());
        return true;
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
