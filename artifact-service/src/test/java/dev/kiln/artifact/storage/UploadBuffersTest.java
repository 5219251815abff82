package dev.kiln.artifact.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.artifact.domain.ArtifactException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadBuffersTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void refusesABufferBeyondTheBudgetOnceTheWaitIsOver() {
        UploadBuffers buffers = new UploadBuffers(10L * MIB, 5L * MIB, Duration.ofMillis(50));
        byte[] first = buffers.allocate(5 * MIB);
        byte[] second = buffers.allocate(5 * MIB);

        assertThatThrownBy(() -> buffers.allocate(1)).isInstanceOf(ArtifactException.class)
                .extracting(e -> ((ArtifactException) e).reason()).isEqualTo(ArtifactException.Reason.CAPACITY_EXHAUSTED);

        buffers.release(first);
        assertThat(buffers.allocate(4 * MIB)).hasSize(4 * MIB);
        buffers.release(second);
    }

    @Test
    void countsSmallBuffersByTheKibibyte() {
        UploadBuffers buffers = new UploadBuffers(10L * MIB, 5L * MIB, Duration.ofMillis(50));

        byte[] tiny = buffers.allocate(1);

        assertThat(buffers.availableKib()).isEqualTo(buffers.budgetKib() - 1);
        buffers.release(tiny);
        assertThat(buffers.availableKib()).isEqualTo(buffers.budgetKib());
    }

    @Test
    void reusesReleasedPartBuffersOutsideTheBudget() {
        UploadBuffers buffers = new UploadBuffers(10L * MIB, 5L * MIB, Duration.ofMillis(50));
        byte[] first = buffers.allocate(5 * MIB);
        byte[] second = buffers.allocate(5 * MIB);

        buffers.release(first);
        buffers.release(second);

        assertThat(buffers.availableKib()).isEqualTo(buffers.budgetKib());
        byte[] smaller = buffers.allocate(MIB);
        assertThat(smaller).hasSize(MIB);
        buffers.release(smaller);
        assertThat(buffers.allocate(5 * MIB)).isIn(first, second);
        assertThat(buffers.allocate(5 * MIB)).isIn(first, second);
    }

    @Test
    void needsABudgetOfAtLeastTwoParts() {
        assertThatThrownBy(() -> new UploadBuffers(9L * MIB, 5L * MIB, Duration.ZERO))
                .hasMessageContaining("at least two parts");
    }
}
