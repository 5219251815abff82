package dev.kiln.runner.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.runner.domain.port.ArtifactCache;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CacheProbeTest {

    private static final String IMAGE = "images/amd64/4593.2.5+nightly-20260821-2100/flatcar_production_image.bin.bz2";
    private static final String PACKAGES = "boards/amd64-usr/4593.2.5+nightly-20260821-2100/pkgs/";

    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private final ExecutorService lookups = Executors.newFixedThreadPool(2);
    private final CacheProbe probe = new CacheProbe(new InMemoryCache(), lookups);

    @AfterEach
    void stopLookups() {
        lookups.shutdownNow();
    }

    @Test
    void answersWhatWasLookedUp() {
        stored.add(IMAGE);

        probe.lookUp(List.of(IMAGE, PACKAGES + "coreos-base.tbz2"));

        assertThat(probe.exists(IMAGE)).contains(true);
        assertThat(probe.exists(PACKAGES + "coreos-base.tbz2")).contains(false);
        assertThat(probe.exists(PACKAGES + "other.tbz2")).isEmpty();
    }

    @Test
    void forgetsAbsentPathsSoThatAStepLaunchedMeanwhileIsVerifiedAfresh() {
        probe.lookUp(List.of(IMAGE, PACKAGES + "coreos-base.tbz2"));
        stored.add(IMAGE);

        probe.forgetAbsent();
        probe.lookUp(List.of(IMAGE));

        assertThat(probe.exists(IMAGE)).contains(true);
        assertThat(probe.exists(PACKAGES + "coreos-base.tbz2")).isEmpty();
    }

    @Test
    void keepsPresentPathsWhenForgettingAbsentOnes() {
        stored.add(IMAGE);
        probe.lookUp(List.of(IMAGE));

        probe.forgetAbsent();

        assertThat(probe.exists(IMAGE)).contains(true);
    }

    @Test
    void answersAGlobFromItsDirectoryListing() {
        stored.add(PACKAGES + "sys-kernel/coreos-kernel-6.6.100.tbz2");

        probe.lookUp(List.of(PACKAGES + "sys-kernel/coreos-kernel-*.tbz2", PACKAGES + "sys-kernel/bootengine-*.tbz2"));

        assertThat(probe.exists(PACKAGES + "sys-kernel/coreos-kernel-*.tbz2")).contains(true);
        assertThat(probe.exists(PACKAGES + "sys-kernel/bootengine-*.tbz2")).contains(false);
    }

    /** The cache as a set of paths; a listing gives the names directly under a directory. */
    private final class InMemoryCache implements ArtifactCache {

        @Override
        public boolean exists(String path) {
            return stored.contains(path);
        }

        @Override
        public List<String> list(String dir) {
            return stored.stream().filter(p -> p.startsWith(dir + "/")).map(p -> p.substring(dir.length() + 1))
                    .filter(name -> !name.contains("/")).toList();
        }

        @Override
        public void upload(String path, InputStream content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<InputStream> open(String path) {
            return Optional.empty();
        }
    }
}
