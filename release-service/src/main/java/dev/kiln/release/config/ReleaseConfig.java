package dev.kiln.release.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the release-service. */
@ConfigMapping(prefix = "kiln.release")
public interface ReleaseConfig {

    /** Gate policy YAML file (KILN_RELEASE_POLICY); without it the bundled default, which follows Flatcar's practice. */
    Optional<Path> policy();

    /** Base URL of the build cache as test systems reach it (KILN_CACHE_URL); candidate events carry URLs under it. */
    @WithDefault("http://127.0.0.1:8083/cache")
    String cacheUrl();

    /** How often open releases are evaluated again, so that a soak that ran out or a changed policy moves them. */
    @WithDefault("5m")
    Duration gateSweepEvery();

    /** How often unfinished channel operations (publish, rollback, withdraw) are taken up after a crash or an outage. */
    @WithDefault("30s")
    Duration operationSweepEvery();

    /** How long a pending channel operation must go without an attempt before a sweep takes it (not the one running it now). */
    @WithDefault("1m")
    Duration operationQuiet();

    /** How often open release requests get a pass, so that a missed event or a restart still moves them. */
    @WithDefault("30s")
    Duration promotionSweepEvery();

    /**
     * How long a building request waits for build-runner's event about the end of its build before passes ask
     * build-runner (a lost {@code build.succeeded} then still makes the candidate).
     */
    @WithDefault("60s")
    Duration buildEventWait();

    /** How long after start the first promotion sweep runs. */
    @WithDefault("10s")
    Duration promotionSweepDelay();
}
