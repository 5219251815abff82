package dev.kiln.runner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/builds}: run {@code pipeline} for {@code arches} and {@code vendors}, on a new version
 * ({@code kind} with the fields it takes, as version-service reads them: nightly an optional {@code branch};
 * alpha none; promotion {@code from} and optional {@code to}; patch {@code from}; dev {@code suffix} and optional
 * {@code branch}/{@code from}; any kind an optional {@code sdkVersion}) or on an existing {@code tag}. {@code params} override the pipeline's
 * parameters; {@code skipCached} false builds steps whose outputs exist already.
 */
public record CreateBuildRequest(
        @NotBlank @Size(max = 40) String pipeline,
        @Size(max = 20) String kind,
        @Size(max = 200) String branch,
        @NotEmpty @Size(max = 2) List<@NotBlank String> arches,
        @Size(max = 64) List<@NotBlank String> vendors,
        @Size(max = 200) String tag,
        Map<String, String> params,
        @Size(max = 200) String from,
        @Size(max = 200) String to,
        @Size(max = 200) String suffix,
        @Size(max = 200) String sdkVersion,
        Boolean skipCached) {
}
