package dev.kiln.artifact.service;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.ObjectStore;
import dev.kiln.artifact.domain.channel.ChannelState;
import dev.kiln.artifact.domain.gc.CacheSnapshots;
import dev.kiln.artifact.domain.gc.GcOptions;
import dev.kiln.artifact.domain.gc.GcOverrides;
import dev.kiln.artifact.domain.gc.GcPlan;
import dev.kiln.artifact.domain.gc.GcPolicy;
import dev.kiln.artifact.domain.gc.GcRunStatus;
import dev.kiln.artifact.domain.gc.GcRunView;
import dev.kiln.artifact.domain.gc.GcRuns;
import dev.kiln.artifact.domain.gc.GcSettings;
import dev.kiln.artifact.domain.gc.GcTrigger;
import dev.kiln.artifact.domain.gc.VersionCatalog;
import dev.kiln.artifact.domain.gc.VersionService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * Plans and starts garbage collection. A plan is computed from the replica of known versions (filled from
 * version-service first if it never was), the published releases and a fresh listing of the cache. A run
 * computes the same plan again and executes it in the background, one run at a time across replicas.
 */
@ApplicationScoped
public class GarbageCollector {

    private static final Logger LOG = Logger.getLogger(GarbageCollector.class);

    private final VersionCatalog catalog;
    private final VersionService versionService;
    private final ObjectStore store;
    private final GcRuns runs;
    private final GcExecution execution;
    private final GcOptions options;
    private final Clock clock;
    private final ChannelState channels;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "kiln-gc"));

    public GarbageCollector(VersionCatalog catalog, VersionService versionService, ObjectStore store, GcRuns runs,
            GcExecution execution, GcOptions options, Clock clock, ChannelState channels) {
        this.channels = channels;
        this.catalog = catalog;
        this.versionService = versionService;
        this.store = store;
        this.runs = runs;
        this.execution = execution;
        this.options = options;
        this.clock = clock;
    }

    /** A dry run: every tag and directory with keep or purge and the reason. */
    public GcPlan plan(GcOverrides overrides) {
        return plan(overrides.applyTo(options.defaults()));
    }

    GcPlan plan(GcSettings settings) {
        ensureCatalogSynced();
        return GcPolicy.plan(catalog.versions(), catalog.releases(), CacheSnapshots.take(store), settings,
                clock.instant(), channels.copiedImagesDirectories());
    }

    /** Starts a run in the background and returns it as recorded. */
    public GcRunView start(GcOverrides overrides, GcTrigger trigger, String requestedBy) {
        GcSettings settings = overrides.applyTo(options.defaults());
        Instant now = clock.instant();
        String runId = runs.start(trigger, requestedBy, settings, now, now.minus(options.abandonedAfter()));
        try {
            worker.submit(() -> execution.execute(runId, () -> plan(settings)));
        } catch (RejectedExecutionException e) {
            runs.finish(runId, GcRunStatus.FAILED, "the service is shutting down", clock.instant());
            throw new ArtifactException(ArtifactException.Reason.DEPENDENCY_UNAVAILABLE, "service-stopping",
                    "the service is shutting down", e);
        }
        LOG.infof("garbage collection run %s started (%s by %s)", runId, trigger, requestedBy);
        return runs.find(runId).orElseThrow();
    }

    private void ensureCatalogSynced() {
        if (!catalog.synced()) {
            LOG.info("the version replica was never filled from version-service; fetching its full list");
            catalog.replaceAll(versionService.listAll(), clock.instant());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
