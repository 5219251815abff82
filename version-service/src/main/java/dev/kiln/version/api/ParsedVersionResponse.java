package dev.kiln.version.api;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.flatcar.VersionName;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a tag or version means under Flatcar's rules. */
@Schema(description = "A tag or version taken apart.")
public record ParsedVersionResponse(
        @Schema(description = "the value as given", example = "lts-4081.3.10-nightly-20260821-2100") String input,
        @Schema(description = "the tag name (- spelling), or null for a bare version", example = "lts-4081.3.10-nightly-20260821-2100") String tag,
        @Schema(description = "the tag prefix, or null", example = "lts") String prefix,
        @Schema(description = "update group from the prefix; main, sdk, bare versions and unknown prefixes give developer", example = "lts") String group,
        @Schema(description = "channel from the minor (0 alpha, 1 beta, 2 stable, 3 lts); other minors are refused", example = "lts") String channel,
        int major,
        int minor,
        int patch,
        @Schema(description = "FLATCAR_VERSION_ID", example = "4081.3.10") String versionId,
        @Schema(description = "FLATCAR_BUILD_ID, null when official", example = "nightly-20260821-2100") String buildId,
        @Schema(description = "true when there is no build id") boolean official,
        @Schema(description = "FLATCAR_VERSION (+ form)", example = "4081.3.10+nightly-20260821-2100") String version,
        @Schema(description = "container spelling (- form)", example = "4081.3.10-nightly-20260821-2100") String dockerVersion) {

    static ParsedVersionResponse of(String input, VersionName name) {
        Version v = name.version();
        Channel channel = v.channel();
        return new ParsedVersionResponse(input, name.tag().map(t -> t.name()).orElse(null), name.prefix(), name.group().id(),
                channel.id(), v.major(), v.minor(), v.patch(), v.versionId(), v.buildId(), v.official(),
                v.plusForm(), v.dashForm());
    }
}
