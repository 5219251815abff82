package dev.kiln.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code kiln.console.*}: how the console presents itself and how long it keeps things. */
@ConfigMapping(prefix = "kiln.console")
public interface ConsoleConfig {

    /** Base URL browsers download cache files from (artifact-service's {@code /cache}, or the gateway's https name). */
    String cachePublicUrl();

    /** A session unused this long is signed out. */
    @WithDefault("8h")
    Duration sessionIdle();

    /** Mark the session cookie {@code Secure} (behind TLS). */
    @WithDefault("false")
    boolean secureCookie();

    /** How often a running step's log is read again for the live tail (build-runner offers no log stream). */
    @WithDefault("1s")
    Duration logTailEvery();

    /** Prefix of this instance's Kafka consumer groups ({@code -builds}, {@code -releases}); one per instance. */
    String consumerGroup();

    /** At most this many files of a cache directory get their size and digest from the index. */
    @WithDefault("200")
    int digestsPerListing();
}
