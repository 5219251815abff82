package dev.kiln.clients.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A withdrawn channel version directory: reads under it answer 410 from {@code withdrawnAt} on. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A withdrawn channel version directory.")
public record WithdrawalResponse(
        @Schema(example = "stable") String channel,
        @Schema(example = "amd64") String arch,
        @Schema(example = "4593.2.5") String version,
        String reason,
        Instant withdrawnAt) {
}
