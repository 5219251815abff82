package dev.kiln.runner.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.runner.domain.port.ArtifactCache;
import dev.kiln.runner.domain.port.AttemptLog;
import dev.kiln.runner.domain.port.PortException;
import dev.kiln.runner.domain.port.RunHandle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogShipperTest {

    private static final RunHandle IMAGE_AMD64 = new RunHandle("k7xq2m4pza", "image-amd64", 1);
    private static final String PATH = "build-logs/4593.0.0+nightly-20260821-2100/image-amd64.log";

    private final MemoryCache cache = new MemoryCache();
    private LogShipper shipper;

    @AfterEach
    void shutdown() {
        shipper.shutdown();
    }

    @Test
    void storesTheLogOnceAReadThatFailedForAMomentWorks() {
        FlakyExecutor executor = new FlakyExecutor(2, false);
        shipper = new LogShipper(executor, cache, 3);

        shipper.ship(IMAGE_AMD64, PATH, false);

        await().atMost(Duration.ofSeconds(10)).until(() -> executor.forgotten.contains(IMAGE_AMD64));
        assertThat(cache.files).containsExactly(Map.entry(PATH, "emerge: done\n"));
        assertThat(executor.reads).hasValue(3);
    }

    @Test
    void storesANoteInTheLogsPlaceWhenEveryTryFailed() {
        FlakyExecutor executor = new FlakyExecutor(Integer.MAX_VALUE, false);
        shipper = new LogShipper(executor, cache, 2);

        shipper.ship(IMAGE_AMD64, PATH, false);

        await().atMost(Duration.ofSeconds(10)).until(() -> executor.forgotten.contains(IMAGE_AMD64));
        assertThat(executor.reads).hasValue(2);
        assertThat(cache.files.get(PATH)).isEqualTo("kiln: no log was captured for attempt 1 of step run image-amd64"
                + " (build k7xq2m4pza): the log could not be stored after 2 tries; the last failed with: reading the"
                + " log of pod kiln-k7xq2m4pza-image-amd64-1-pod failed: Connection was closed\n");
    }

    @Test
    void doesNotRetryAFailureThatWouldFailAgain() {
        FlakyExecutor executor = new FlakyExecutor(Integer.MAX_VALUE, true);
        shipper = new LogShipper(executor, cache, 5);

        shipper.ship(IMAGE_AMD64, PATH, false);

        await().atMost(Duration.ofSeconds(10)).until(() -> executor.forgotten.contains(IMAGE_AMD64));
        assertThat(executor.reads).hasValue(1);
        assertThat(cache.files.get(PATH)).contains("after 1 tries");
    }

    @Test
    void keepsTheAttemptWhenNeitherTheLogNorANoteCouldBeStored() throws InterruptedException {
        FlakyExecutor executor = new FlakyExecutor(0, false);
        cache.down = true;
        shipper = new LogShipper(executor, cache, 2);

        shipper.ship(IMAGE_AMD64, PATH, true);

        await().atMost(Duration.ofSeconds(10)).until(() -> executor.stopped.contains(IMAGE_AMD64));
        assertThat(cache.uploads).hasValue(3);
        assertThat(executor.forgotten).isEmpty();
        assertThat(cache.files).isEmpty();
    }

    @Test
    void stopsAnAttemptThatMustBeStoppedOnlyAfterItsLogWasTaken() {
        FlakyExecutor executor = new FlakyExecutor(0, false);
        shipper = new LogShipper(executor, cache, 2);

        shipper.ship(IMAGE_AMD64, PATH, true);

        await().atMost(Duration.ofSeconds(10)).until(() -> executor.stopped.contains(IMAGE_AMD64));
        assertThat(executor.events).containsExactly("read", "stop", "forget");
        assertThat(cache.files).containsEntry(PATH, "emerge: done\n");
    }

    /** An executor whose log reads fail {@code failures} times first, then give the log. */
    private static final class FlakyExecutor extends StubExecutor {

        private final int failures;
        private final boolean permanent;
        private final AtomicInteger reads = new AtomicInteger();
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final List<RunHandle> stopped = new CopyOnWriteArrayList<>();
        private final List<RunHandle> forgotten = new CopyOnWriteArrayList<>();

        FlakyExecutor(int failures, boolean permanent) {
            this.failures = failures;
            this.permanent = permanent;
        }

        @Override
        public AttemptLog openLog(RunHandle handle) {
            events.add("read");
            if (reads.incrementAndGet() <= failures) {
                throw new PortException("reading the log of pod kiln-" + handle.buildId() + "-" + handle.runKey() + "-"
                        + handle.attempt() + "-pod failed: Connection was closed", permanent, null);
            }
            return new AttemptLog.Available(new ByteArrayInputStream("emerge: done\n".getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void stop(RunHandle handle) {
            events.add("stop");
            stopped.add(handle);
        }

        @Override
        public void forget(RunHandle handle) {
            events.add("forget");
            forgotten.add(handle);
        }
    }

    /** The cache in memory; {@code down} makes every upload fail. */
    private static final class MemoryCache implements ArtifactCache {

        private final Map<String, String> files = new ConcurrentHashMap<>();
        private final AtomicInteger uploads = new AtomicInteger();
        private volatile boolean down;

        @Override
        public void upload(String path, InputStream content) {
            uploads.incrementAndGet();
            if (down) {
                throw new PortException("artifact-service PUT /cache/" + path + " failed: connection refused", false, null);
            }
            try {
                files.put(path, new String(content.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean exists(String path) {
            return files.containsKey(path);
        }

        @Override
        public List<String> list(String dir) {
            return List.of();
        }

        @Override
        public Optional<InputStream> open(String path) {
            return Optional.empty();
        }
    }
}
