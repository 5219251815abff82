package dev.kiln.release.api;

/** Body of POST /api/v1/channels/{channel}/rollback: one arch (every arch with a current release when absent), and why. */
public record RollbackRequest(String arch, String reason) {
}
