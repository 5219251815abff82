package dev.kiln.runner.domain.port;

import dev.kiln.runner.domain.pipeline.PodSettings;
import dev.kiln.runner.domain.pipeline.SecretEnv;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A step run attempt rendered for an executor: the image and command with every template filled, the
 * env contract ({@code KILN_*}) plus the step's own env, the tag whose scripts checkout it runs in.
 * Executors add {@code KILN_CACHE_URL} themselves, and {@code cacheToken} as {@code KILN_CACHE_TOKEN}: the build's
 * step token, which writes only the build's own cache directories (null until the runner attached it).
 */
public record StepLaunch(
        RunHandle handle,
        String step,
        String arch,
        String vendor,
        String tag,
        String image,
        List<String> command,
        Map<String, String> env,
        List<SecretEnv> secrets,
        Duration timeout,
        PodSettings pod,
        String cacheToken) {

    /** This launch with the build's step token. */
    public StepLaunch withCacheToken(String token) {
        return new StepLaunch(handle, step, arch, vendor, tag, image, command, env, secrets, timeout, pod, token);
    }

    @Override
    public String toString() {
        return "StepLaunch[" + handle + ", step=" + step + ", image=" + image + ", cacheToken="
                + (cacheToken == null ? "none" : "<hidden>") + "]";
    }
}
