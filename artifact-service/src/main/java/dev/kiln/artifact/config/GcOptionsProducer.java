package dev.kiln.artifact.config;

import dev.kiln.artifact.domain.gc.GcOptions;
import dev.kiln.artifact.domain.gc.GcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Hands the configured collection settings to the domain as plain values. */
@ApplicationScoped
public class GcOptionsProducer {

    @Produces
    @Singleton
    GcOptions gcOptions(ArtifactConfig config) {
        ArtifactConfig.Gc gc = config.gc();
        return new GcOptions(new GcSettings(gc.keep(), gc.minAgeDays(), gc.keepPerChannel(), gc.keepLtsMajors(),
                gc.arches(), List.of()), gc.abandonedAfter());
    }
}
