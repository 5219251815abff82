package dev.kiln.clients.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pointer of a channel directory ({@code current}, {@code current-2024}) and the version it names. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A pointer directory of a channel and its target version.")
public record ChannelPointer(
        @Schema(example = "current") String name,
        @Schema(example = "4593.2.5") String version,
        Instant movedAt) {
}
