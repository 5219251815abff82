package dev.kiln.clients.artifact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/channels/{channel}/{arch}/pointers/{name}}. */
@Schema(description = "The version a pointer is to name.")
public record MovePointerRequest(
        @Schema(description = "an official version already copied into the channel", example = "4593.2.5", required = true)
        @NotBlank @Size(max = 40) String version) {
}
