package dev.kiln.artifact.api;

/** The answer to a stored upload: where it is, how large it is and its sha256. */
public record UploadResponse(String path, long size, String sha256) {
}
