package dev.kiln.runner.domain.build;

import dev.kiln.flatcar.VersionRequest;
import java.util.List;
import java.util.Map;

/**
 * What a caller asks for: run {@code pipeline} for {@code arches} and {@code vendors}, either on an existing
 * {@code tag} or on a new version allocated per {@code version}. {@code skipCached} false builds steps even
 * when their outputs exist (Flatcar's {@code AVOID_NIGHTLY_BUILD_SHORTCUTS}).
 */
public record BuildRequest(
        String pipeline,
        VersionRequest version,
        String tag,
        List<String> arches,
        List<String> vendors,
        Map<String, String> params,
        boolean skipCached,
        String requestedBy) {
}
