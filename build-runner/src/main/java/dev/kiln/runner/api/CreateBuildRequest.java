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
        @NotBlank String pipeline,
        String kind,
        String branch,
        @NotEmpty @Size(max = 2) List<@NotBlank String> arches,
        @Size(max = 64) List<@NotBlank String> vendors,
        String tag,
        Map<String, String> params,
        String from,
        String to,
        String suffix,
        String sdkVersion,
        Boolean skipCached) {
}
