package dev.kiln.clients.version;

import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.VersionRequest;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/versions}: which fields a kind takes is documented per field. */
@Schema(description = "A request for the next version of a kind.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateVersionRequest(
        @Schema(description = "nightly | alpha | promotion | patch | dev", example = "nightly", required = true)
        @NotBlank @Pattern(regexp = "nightly|alpha|promotion|patch|dev", message = "must be one of nightly, alpha, promotion, patch, dev")
        String kind,
        @Schema(description = "nightly: main (default) or a release branch flatcar-MMMM; dev: the branch to build (default main)",
                example = "main")
        @Size(max = 200) String branch,
        @Schema(description = "promotion, patch: the release (tag or version) to start from; dev (optional): the tag or version whose "
                + "prefix and version id the dev build takes", example = "stable-4593.2.5")
        @Size(max = 200) String from,
        @Schema(description = "promotion (optional): the target channel; must be the next one", example = "beta")
        @Size(max = 20) String to,
        @Schema(description = "dev: the build id appended to the version", example = "fix-nvidia-drivers")
        @Size(max = 200) String suffix,
        @Schema(description = "optional FLATCAR_SDK_VERSION override (otherwise: the OS version for main nightlies and new majors, "
                + "the branch's or the release's version.txt otherwise)", example = "4593.0.0")
        @Size(max = 200) String sdkVersion) {

    /** The same request as version-service's rules read it; an unknown kind fails here, as it would there. */
    public VersionRequest toVersionRequest() {
        return new VersionRequest(VersionKind.ofId(kind).orElseThrow(() -> new IllegalArgumentException(
                "kind must be one of nightly, alpha, promotion, patch, dev, was " + kind)), branch, from, to, suffix, sdkVersion);
    }

    /** The request for {@code request}, field by field. */
    public static CreateVersionRequest of(VersionRequest request) {
        return new CreateVersionRequest(request.kind().id(), request.branch(), request.from(), request.to(), request.suffix(),
                request.sdkVersion());
    }
}
