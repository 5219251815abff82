package dev.kiln.artifact.config;

import dev.kiln.artifact.domain.gc.GcOptions;
import dev.kiln.artifact.domain.gc.GcSettings;
import dev.kiln.artifact.domain.token.StepTokenStore;
import dev.kiln.artifact.domain.token.StepTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Builds the framework-free domain values from configuration: the collection settings and the step tokens. */
@ApplicationScoped
public class DomainBeans {

    @Produces
    @Singleton
    GcOptions gcOptions(ArtifactConfig config) {
        ArtifactConfig.Gc gc = config.gc();
        return new GcOptions(new GcSettings(gc.keep(), gc.minAgeDays(), gc.keepPerChannel(), gc.keepLtsMajors(),
                gc.arches(), List.of()), gc.abandonedAfter());
    }

    @Produces
    @Singleton
    StepTokens stepTokens(StepTokenStore store, Clock clock, ArtifactConfig config) {
        return new StepTokens(store, clock, config.stepTokens().maxLifetime());
    }
}
