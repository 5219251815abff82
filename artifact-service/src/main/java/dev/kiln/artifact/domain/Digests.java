package dev.kiln.artifact.domain;

/** Size and lowercase hex digests of one object's bytes. */
public record Digests(long size, String md5, String sha1, String sha256, String sha512) {
}
