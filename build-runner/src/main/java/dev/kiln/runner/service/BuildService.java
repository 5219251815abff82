package dev.kiln.runner.service;

import dev.kiln.common.outbox.Outbox;
import dev.kiln.runner.catalog.PipelineCatalog;
import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.BuildIds;
import dev.kiln.runner.domain.build.BuildPage;
import dev.kiln.runner.domain.build.BuildReconciler;
import dev.kiln.runner.domain.build.BuildRequest;
import dev.kiln.runner.domain.build.BuildState;
import dev.kiln.runner.domain.build.InvalidBuildRequestException;
import dev.kiln.runner.domain.build.ReconcileResult;
import dev.kiln.runner.domain.pipeline.Pipeline;
import dev.kiln.runner.persistence.BuildStore;
import dev.kiln.runner.persistence.StoredBuild;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * The commands callers give builds: create, cancel, resume. Each runs in the caller's transaction, stores
 * the change with its events through the outbox, and leaves what must happen outside the database (stop
 * attempts, wake the engine) to {@link BuildEngine} once the transaction committed.
 */
@ApplicationScoped
public class BuildService {

    private final PipelineCatalog catalog;
    private final BuildStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<BuildCommanded> commanded;
    private final SecureRandom random = new SecureRandom();

    public BuildService(PipelineCatalog catalog, BuildStore store, Outbox outbox, Clock clock,
            Event<BuildCommanded> commanded) {
        this.catalog = catalog;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.commanded = commanded;
    }

    /** Records a new build (state requested) and its {@code build.requested} event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Build create(BuildRequest request) {
        Pipeline pipeline = catalog.find(request.pipeline()).orElseThrow(() -> new InvalidBuildRequestException(
                "unknown-pipeline", "no pipeline '" + request.pipeline() + "'; known: "
                        + catalog.all().stream().map(Pipeline::name).toList()));
        Build build = Build.create(BuildIds.next(random), pipeline, request, clock.instant());
        store.insert(build);
        publish(build, new ReconcileResult());
        return build;
    }

    /** Cancels a build that has not finished; its active attempts are stopped after commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Build> cancel(String id, String by, String reason) {
        return store.lock(id).map(stored -> {
            ReconcileResult result = BuildReconciler.cancel(stored.build(), by, reason, clock.instant());
            save(stored, result);
            return stored.build();
        });
    }

    /** Continues a failed build from its failed step runs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Build> resume(String id) {
        return store.lock(id).map(stored -> {
            stored.build().resume(clock.instant());
            save(stored, new ReconcileResult());
            return stored.build();
        });
    }

    public Optional<Build> find(String id) {
        return store.find(id);
    }

    /** Page {@code page} (from 0) of {@code size} builds, newest first, filtered by state and tag when given. */
    public BuildPage list(BuildState state, String tag, int page, int size) {
        return store.page(state, tag, page, size);
    }

    private void save(StoredBuild stored, ReconcileResult result) {
        store.save(stored);
        publish(stored.build(), result);
    }

    private void publish(Build build, ReconcileResult result) {
        build.drainEvents().forEach(outbox::append);
        commanded.fire(new BuildCommanded(build, result));
    }
}
