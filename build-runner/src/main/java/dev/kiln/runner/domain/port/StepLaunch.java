package dev.kiln.runner.domain.port;

import dev.kiln.runner.domain.pipeline.PodSettings;
import dev.kiln.runner.domain.pipeline.SecretEnv;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A step run attempt rendered for an executor: the image and command with every template filled, the
 * env contract ({@code KILN_*}) plus the step's own env, the tag whose scripts checkout it runs in.
 * Executors add {@code KILN_CACHE_URL} and the cache upload token themselves.
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
        PodSettings pod) {
}
