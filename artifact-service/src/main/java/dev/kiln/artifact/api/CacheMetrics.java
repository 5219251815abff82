package dev.kiln.artifact.api;

import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.UploadResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Prometheus meters of the cache: uploads by outcome, and bytes in and out. */
@ApplicationScoped
public class CacheMetrics {

    private final MeterRegistry registry;
    private final Counter uploadedBytes;
    private final Counter downloadedBytes;

    public CacheMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.uploadedBytes = Counter.builder("kiln.artifact.upload.bytes").description("Bytes stored by uploads")
                .baseUnit("bytes").register(registry);
        this.downloadedBytes = Counter.builder("kiln.artifact.download.bytes")
                .description("Bytes streamed to downloads").baseUnit("bytes").register(registry);
    }

    void stored(long bytes, UploadResult.Outcome outcome) {
        uploads(outcome.name().toLowerCase(Locale.ROOT)).increment();
        uploadedBytes.increment(bytes);
    }

    void refused(ArtifactException e) {
        uploads(e.slug()).increment();
    }

    void downloaded(long bytes) {
        downloadedBytes.increment(bytes);
    }

    private Counter uploads(String outcome) {
        return Counter.builder("kiln.artifact.uploads").description("Uploads by outcome").tag("outcome", outcome)
                .register(registry);
    }
}
