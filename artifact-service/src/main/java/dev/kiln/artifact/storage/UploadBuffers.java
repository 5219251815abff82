package dev.kiln.artifact.storage;

import dev.kiln.artifact.config.ArtifactConfig;
import dev.kiln.artifact.domain.ArtifactException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The memory all uploads may hold in part buffers at once, counted in KiB. An upload that cannot get a
 * buffer within the configured wait is refused, so that concurrent uploads never exhaust the heap. Up to
 * {@link #IDLE_PARTS} released buffers of the part size are kept for the next upload (outside the budget, which
 * counts buffers in use): a part buffer is a humongous object to G1, and allocating two per upload made every
 * upload grow the old generation by two parts until the next collection.
 */
@Startup
@ApplicationScoped
public class UploadBuffers {

    private static final int KIB = 1024;
    /** Released part-size buffers kept for reuse: the two of one upload. */
    static final int IDLE_PARTS = 2;

    private final Semaphore budget;
    private final int budgetKib;
    private final Duration wait;
    private final int partSize;
    private final ConcurrentLinkedDeque<byte[]> idle = new ConcurrentLinkedDeque<>();

    @Inject
    public UploadBuffers(ArtifactConfig config, MeterRegistry registry) {
        this(config.upload().bufferBudget().asLongValue(), config.upload().partSize().asLongValue(),
                config.upload().capacityWait());
        registry.gauge("kiln.artifact.upload.buffer.free.bytes", this, buffers -> buffers.availableKib() * 1024.0);
    }

    UploadBuffers(long bytes, long partSize, Duration wait) {
        if (bytes < 2 * partSize) {
            throw new IllegalStateException("kiln.artifact.upload.buffer-budget (" + bytes
                    + ") must hold at least two parts of kiln.artifact.upload.part-size (" + partSize + ")");
        }
        this.budgetKib = (int) Math.min(Integer.MAX_VALUE, bytes / KIB);
        this.budget = new Semaphore(budgetKib, true);
        this.wait = wait;
        this.partSize = (int) Math.min(Integer.MAX_VALUE, partSize);
    }

    /** A buffer of {@code size} bytes (contents undefined), once the budget allows it. */
    public byte[] allocate(int size) {
        int permits = permits(size);
        try {
            if (!budget.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ArtifactException(ArtifactException.Reason.CAPACITY_EXHAUSTED,
                        "too many uploads in progress; retry later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArtifactException(ArtifactException.Reason.CAPACITY_EXHAUSTED, "interrupted while waiting");
        }
        byte[] reused = size == partSize ? idle.pollFirst() : null;
        if (reused != null) {
            return reused;
        }
        try {
            return new byte[size];
        } catch (OutOfMemoryError e) {
            budget.release(permits);
            throw e;
        }
    }

    /** Gives the budget of {@code buffer} back; it must not be used afterwards. */
    public void release(byte[] buffer) {
        if (buffer != null) {
            if (buffer.length == partSize && idle.size() < IDLE_PARTS) {
                idle.offerFirst(buffer);
            }
            budget.release(permits(buffer.length));
        }
    }

    /** KiB currently free, for metrics and tests. */
    public int availableKib() {
        return budget.availablePermits();
    }

    public int budgetKib() {
        return budgetKib;
    }

    private static int permits(int size) {
        return Math.max(1, (size + KIB - 1) / KIB);
    }
}
