package dev.kiln.runner.domain.build;

/**
 * What to ask version-service for: {@code kind} nightly, alpha, promotion, patch or dev on {@code branch};
 * {@code from}/{@code to} for promotions, {@code suffix} for dev builds, {@code sdkVersion} to pin the SDK.
 */
public record VersionRequest(String kind, String branch, String from, String to, String suffix, String sdkVersion) {
}
