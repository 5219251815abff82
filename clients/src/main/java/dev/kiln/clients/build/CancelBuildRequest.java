package dev.kiln.clients.build;

/** Body of {@code POST /api/v1/builds/{id}/cancel}; {@code reason} at most 2000 characters. */
public record CancelBuildRequest(String reason) {
}
