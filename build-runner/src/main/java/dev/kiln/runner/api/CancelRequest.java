package dev.kiln.runner.api;

import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/builds/{id}/cancel}: an optional reason, recorded with the build. */
public record CancelRequest(@Size(max = 500) String reason) {
}
