package dev.kiln.runner.api;

/** {@code POST /api/v1/builds/{id}/cancel}: an optional reason (at most 500 characters), recorded with the build. */
public record CancelRequest(String reason) {

    static final int MAX_REASON = 500;
}
