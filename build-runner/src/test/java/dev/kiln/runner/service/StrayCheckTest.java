package dev.kiln.runner.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.runner.domain.port.RunHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrayCheckTest {

    private static final RunHandle IMAGE_AMD64 = new RunHandle("k7xq2m4pza", "image-amd64", 1);

    @Test
    void doesNotStopAnAttemptAStaleCacheShowsRunningWhenTheApiServerSaysItCompleted() {
        CachedExecutor executor = new CachedExecutor(Set.of(IMAGE_AMD64), false);

        List<RunHandle> stopped = new StrayCheck(executor, id -> Optional.empty()).stopAll();

        assertThat(stopped).isEmpty();
        assertThat(executor.stopped).isEmpty();
    }

    @Test
    void stopsAnUnclaimedAttemptTheApiServerConfirmsRunning() {
        CachedExecutor executor = new CachedExecutor(Set.of(IMAGE_AMD64), true);

        List<RunHandle> stopped = new StrayCheck(executor, id -> Optional.empty()).stopAll();

        assertThat(stopped).containsExactly(IMAGE_AMD64);
        assertThat(executor.stopped).containsExactly(IMAGE_AMD64);
    }

    /** An executor whose cache lists {@code cached} as running and whose API server answers {@code running}. */
    private static final class CachedExecutor extends StubExecutor {

        private final Set<RunHandle> cached;
        private final boolean running;
        private final List<RunHandle> stopped = new ArrayList<>();

        CachedExecutor(Set<RunHandle> cached, boolean running) {
            this.cached = cached;
            this.running = running;
        }

        @Override
        public void stop(RunHandle handle) {
            stopped.add(handle);
        }

        @Override
        public Set<RunHandle> known() {
            return cached;
        }

        @Override
        public boolean confirmRunning(RunHandle handle) {
            return running && cached.contains(handle);
        }
    }
}
