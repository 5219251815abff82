package dev.kiln.runner.service;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.BuildReconciler;
import dev.kiln.runner.domain.build.BuildState;
import dev.kiln.runner.domain.build.ReconcileResult;
import dev.kiln.runner.domain.port.ArtifactCache;
import dev.kiln.runner.domain.port.StepExecutor;
import dev.kiln.runner.persistence.BuildStore;
import dev.kiln.runner.persistence.StoredBuild;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One reconcile pass of one build: lock its row, make sure this replica owns it, let the domain decide with
 * what the executor observes and what the cache holds, store the changes and their events in one
 * transaction. Cache lookups the domain asks for happen between transactions, and the pass repeats with
 * their answers, so no HTTP call holds a row lock.
 */
final class BuildPass {

    /** What a pass found: nothing to do, a build waiting for its version, or decisions to carry out. */
    sealed interface Outcome {
        record Nothing() implements Outcome {
        }

        record NeedsVersion(Build build) implements Outcome {
        }

        record Decided(Build build, ReconcileResult result, Instant now) implements Outcome {
        }
    }

    private static final int MAX_LOOKUP_ROUNDS = 8;

    private final BuildStore store;
    private final StepExecutor executor;
    private final ArtifactCache cache;
    private final Outbox outbox;
    private final Clock clock;
    private final BuildReconciler reconciler;
    private final String owner;
    private final Duration lease;
    private final ExecutorService lookups = Executors.newFixedThreadPool(8,
            Thread.ofPlatform().name("kiln-runner-cache-lookup-", 0).daemon().factory());

    BuildPass(BuildStore store, StepExecutor executor, ArtifactCache cache, Outbox outbox, Clock clock,
            BuildReconciler reconciler, String owner, Duration lease) {
        this.store = store;
        this.executor = executor;
        this.cache = cache;
        this.outbox = outbox;
        this.clock = clock;
        this.reconciler = reconciler;
        this.owner = owner;
        this.lease = lease;
    }

    /** Runs the pass, looking up cache paths between rounds until the domain has all it asked for. */
    Outcome run(String buildId, java.util.function.Consumer<Outcome.Decided> carryOut) {
        CacheProbe probe = new CacheProbe(cache, lookups);
        for (int round = 1; ; round++) {
            Outcome outcome = reconcileOnce(buildId, probe);
            if (!(outcome instanceof Outcome.Decided decided)) {
                return outcome;
            }
            carryOut.accept(decided);
            if (decided.result().unknownPaths().isEmpty() || round == MAX_LOOKUP_ROUNDS) {
                return outcome;
            }
            if (!decided.result().launches().isEmpty()) {
                probe.forgetAbsent();
            }
            probe.lookUp(decided.result().unknownPaths());
        }
    }

    private Outcome reconcileOnce(String buildId, CacheProbe probe) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Optional<StoredBuild> found = store.lock(buildId);
            if (found.isEmpty() || found.get().ownedByOther(owner, now)) {
                return new Outcome.Nothing();
            }
            StoredBuild stored = found.get();
            Build build = stored.build();
            if (build.state() == BuildState.REQUESTED) {
                return new Outcome.NeedsVersion(build);
            }
            if (build.state().isTerminal()) {
                stored.release();
                store.save(stored);
                return new Outcome.Nothing();
            }
            stored.claim(owner, now, lease);
            ReconcileResult result = reconciler.reconcile(build, executor::observe, probe, now);
            if (build.state().isTerminal()) {
                stored.release();
            }
            store.save(stored);
            build.drainEvents().forEach(outbox::append);
            return new Outcome.Decided(build, result, now);
        });
    }
}
