package dev.kiln.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** version-service's allocations. */
public final class Versions {

    private Versions() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Allocation(String tag, String version, String versionId, String buildId, String sdkVersion,
            String group, String channel, String branch, String commit, boolean official, String kind, String status,
            Instant createdAt, Instant taggedAt, Instant deletedAt, String deleteReason) {
    }
}
