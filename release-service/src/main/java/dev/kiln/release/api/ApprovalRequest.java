package dev.kiln.release.api;

/** Body of POST /api/v1/releases/{version}/approvals: {@code decision} approve or reject, and why. */
public record ApprovalRequest(String decision, String comment) {
}
