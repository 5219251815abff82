package dev.kiln.clients.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of a pointer move: the pointer and the version it now names. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A pointer as moved.")
public record PointerMoveResponse(
        @Schema(example = "lts") String channel,
        @Schema(example = "amd64") String arch,
        @Schema(example = "current-2024") String name,
        @Schema(example = "4081.3.6") String version) {
}
