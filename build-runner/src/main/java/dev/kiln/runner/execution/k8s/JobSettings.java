package dev.kiln.runner.execution.k8s;

/**
 * What every step Job shares: where it runs, how it checks the scripts out, how it reaches the cache (with the
 * build's own step token from {@link StepTokenSecret}), and
 * how long Kubernetes keeps it after it finished, which image serves a step's own Docker daemon, and how
 * Flatcar's scripts reach the bincache gateway ({@code bincache} is null when no gateway is configured).
 */
public record JobSettings(
        String namespace,
        String gitImage,
        String scriptsRepoUrl,
        String cacheUrl,
        int ttlSecondsAfterFinished,
        String imagePullPolicy,
        String dockerImage,
        BincacheAccess bincache) {
}
