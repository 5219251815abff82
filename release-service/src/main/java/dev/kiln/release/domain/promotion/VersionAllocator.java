package dev.kiln.release.domain.promotion;

import dev.kiln.flatcar.VersionRequest;

/** version-service, as release requests need it (port; the client package implements it). */
public interface VersionAllocator {

    /**
     * Allocates the version for {@code request}; the same {@code idempotencyKey} returns the same version again.
     *
     * @throws CallFailedException when version-service could not be reached or refused
     */
    AllocatedVersion allocate(VersionRequest request, String idempotencyKey);
}
