package dev.kiln.runner.execution;

import dev.kiln.runner.config.RunnerConfig;
import dev.kiln.runner.domain.port.StepExecutor;
import dev.kiln.runner.execution.k8s.BincacheAccess;
import dev.kiln.runner.execution.k8s.JobSettings;
import dev.kiln.runner.execution.k8s.KubernetesExecutor;
import dev.kiln.runner.execution.local.LocalExecutor;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Makes the executor that {@code kiln.runner.executor} selects; the Kubernetes client is only touched for it. */
@ApplicationScoped
public class ExecutorProducer {

    @Produces
    @ApplicationScoped
    StepExecutor executor(RunnerConfig config, Instance<KubernetesClient> kubernetes, Clock clock) {
        return switch (config.executor()) {
            case local -> new LocalExecutor(config);
            case kubernetes -> kubernetes(config, kubernetes.get(), clock);
        };
    }

    private static KubernetesExecutor kubernetes(RunnerConfig config, KubernetesClient client, Clock clock) {
        RunnerConfig.Kubernetes k8s = config.kubernetes();
        String namespace = k8s.namespace().filter(n -> !n.isBlank()).orElseGet(client::getNamespace);
        JobSettings settings = new JobSettings(namespace, k8s.gitImage(), config.scriptsRepoUrl(), config.cacheUrl(),
                k8s.ttlSecondsAfterFinished(), k8s.imagePullPolicy(),
                k8s.dockerImage(), config.bincacheServer()
                        .map(server -> new BincacheAccess(server, k8s.bincacheSshSecret(), k8s.bincacheSshDir()))
                        .orElse(null));
        return new KubernetesExecutor(client, settings, k8s.vanishGrace(), clock);
    }

    void close(@Disposes StepExecutor executor) {
        if (executor instanceof LocalExecutor local) {
            local.shutdown();
        } else if (executor instanceof KubernetesExecutor k8s) {
            k8s.shutdown();
        }
    }
}
