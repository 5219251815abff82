package dev.kiln.runner.domain.pipeline;

/** Environment variable {@code env} filled from key {@code key} of Secret {@code secret}. */
public record SecretEnv(String env, String secret, String key) {
}
