package dev.kiln.runner.domain.port;

import dev.kiln.flatcar.VersionRequest;
import dev.kiln.runner.domain.build.VersionInfo;
import java.util.Optional;

/** version-service as the runner uses it. Failures are {@link PortException}s. */
public interface VersionAllocator {

    /** Allocates (and tags) a new version; the same {@code idempotencyKey} always returns the same version. */
    VersionInfo allocate(VersionRequest request, String idempotencyKey);

    /** The version an existing tag carries, or empty when the tag is unknown. */
    Optional<VersionInfo> find(String tag);
}
