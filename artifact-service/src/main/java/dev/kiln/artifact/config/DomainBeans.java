package dev.kiln.artifact.config;

import dev.kiln.artifact.domain.gc.GcOptions;
import dev.kiln.artifact.domain.gc.GcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Builds the framework-free domain values from configuration: the collection settings. */
@ApplicationScoped
public class DomainBeans {

    @Produces
    @Singleton
    GcOptions gcOptions(ArtifactConfig config) {
        ArtifactConfig.Gc gc = config.gc();
        return new GcOptions(new GcSettings(gc.keep(), gc.minAgeDays(), gc.keepPerChannel(), gc.keepLtsMajors(),
                gc.arches(), List.of()), gc.abandonedAfter());
    }
}
