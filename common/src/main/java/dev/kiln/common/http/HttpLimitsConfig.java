package dev.kiln.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Limits the front door enforces with a problem+json answer. They sit below the HTTP codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}, raised in common's defaults):
 * a request beyond the codec's limits is refused by Vert.x itself with a bare status (see docs/reliability.md).
 */
@ConfigMapping(prefix = "kiln.http")
public interface HttpLimitsConfig {

    /** Longest request target (path and query, as sent) answered normally; longer is {@code 414 uri-too-long}. */
    @WithDefault("4096")
    int maxUriLength();

    /** Most bytes of header names and values together; more is {@code 431 headers-too-large}. */
    @WithDefault("20480")
    int maxHeaderBytes();

    /**
     * Most bytes of a request body read whole (a JSON document), as declared in Content-Length; more is
     * {@code 413 body-too-large} before a byte is read. Unset: {@code quarkus.http.limits.max-body-size} alone, which a
     * service that streams uploads raises far above what a JSON document needs.
     */
    Optional<MemorySize> maxReadBodySize();

    /** Path prefixes whose bodies are streamed (uploads): only {@code quarkus.http.limits.max-body-size} limits them. */
    Optional<List<String>> streamedPaths();
}
