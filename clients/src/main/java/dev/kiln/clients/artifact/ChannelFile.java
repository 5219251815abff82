package dev.kiln.clients.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One file of a release in a channel directory: its name inside the version directory, size and digest. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A file of a channel version directory.")
public record ChannelFile(
        @Schema(example = "flatcar_production_image.bin.bz2") String name,
        @Schema(description = "bytes", example = "493827115") long size,
        @Schema(description = "lower-case hex SHA-256 of the content") String sha256) {
}
