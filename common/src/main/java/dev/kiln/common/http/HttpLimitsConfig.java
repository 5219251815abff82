package dev.kiln.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
