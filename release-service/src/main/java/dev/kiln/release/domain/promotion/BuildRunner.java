package dev.kiln.release.domain.promotion;

import java.util.Optional;

/** build-runner, as release requests need it (port; the client package implements it). Failures: {@link CallFailedException}. */
public interface BuildRunner {

    /** Starts the build and returns its id; the same {@code idempotencyKey} returns the same build again. */
    String start(BuildOrder order, String idempotencyKey);

    /** The build as build-runner knows it now; empty when it does not know it. */
    Optional<BuildStatus> find(String buildId);

    /** Cancels the build; a build that already ended is left as it is. */
    void cancel(String buildId, String reason);
}
