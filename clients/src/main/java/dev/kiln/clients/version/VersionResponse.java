package dev.kiln.clients.version;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One allocated version. Readers ignore fields they do not know, so the server may add some. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "An allocated version: its tag, version.txt values, branches and state.")
public record VersionResponse(
        @Schema(example = "main-4799.0.0-nightly-20260821-2100") String tag,
        @Schema(description = "FLATCAR_VERSION (+ form)", example = "4799.0.0+nightly-20260821-2100") String version,
        @Schema(description = "FLATCAR_VERSION_ID", example = "4799.0.0") String versionId,
        @Schema(description = "FLATCAR_BUILD_ID; null for official versions", example = "nightly-20260821-2100") String buildId,
        @Schema(description = "FLATCAR_SDK_VERSION", example = "4799.0.0+nightly-20260821-2100") String sdkVersion,
        @Schema(description = "update group from the tag prefix: alpha, beta, stable, lts, developer", example = "developer") String group,
        @Schema(description = "channel from the minor: alpha, beta, stable, lts", example = "alpha") String channel,
        @Schema(description = "branch the commit was pushed to; null for free-standing dev tags", example = "main") String branch,
        @Schema(description = "branch the commit was made on top of", example = "main") String baseBranch,
        @Schema(description = "commit the tag points at; null while pending") String commit,
        boolean official,
        @Schema(example = "nightly") String kind,
        @Schema(description = "pending, tagged or deleted", example = "tagged") String status,
        @Schema(description = "the container spelling (- form)", example = "4799.0.0-nightly-20260821-2100") String dockerVersion,
        Instant createdAt,
        Instant taggedAt,
        Instant deletedAt,
        String deleteReason) {
}
