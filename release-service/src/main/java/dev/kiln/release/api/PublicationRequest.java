package dev.kiln.release.api;

/** Body of POST /api/v1/channels/{channel}/publications: the ready release to publish. */
public record PublicationRequest(String version) {
}
