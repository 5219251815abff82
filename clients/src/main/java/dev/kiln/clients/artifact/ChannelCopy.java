package dev.kiln.clients.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code PUT /api/v1/channels/{channel}/{arch}/versions/{version}}: every file now under
 * {@code <channel>/<arch>-usr/<version>/}, how many were copied by this call and how many were already there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A release's images copied into a channel directory.")
public record ChannelCopy(
        @Schema(example = "stable") String channel,
        @Schema(example = "amd64") String arch,
        @Schema(example = "4593.2.5") String version,
        List<ChannelFile> files,
        @Schema(description = "objects copied by this call") int copied,
        @Schema(description = "objects already at the target with the same size and digest") int skipped) {

    public ChannelCopy {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
