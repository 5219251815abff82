package dev.kiln.runner.execution.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An informer cache that keeps of each Job or pod only what the runner reads (name, labels, creation time,
 * resource version, status, a Job's deadline), not its pod template, env, volumes or managed fields: with
 * thousands of Jobs running, the full objects would be most of the runner's heap.
 */
final class SlimStore<T extends HasMetadata> implements ItemStore<T> {

    private final Map<String, T> items = new ConcurrentHashMap<>();
    private final UnaryOperator<T> slim;

    private SlimStore(UnaryOperator<T> slim) {
        this.slim = slim;
    }

    static SlimStore<Job> forJobs() {
        return new SlimStore<>(job -> new JobBuilder().withMetadata(meta(job)).withNewSpec()
                .withActiveDeadlineSeconds(job.getSpec() == null ? null : job.getSpec().getActiveDeadlineSeconds())
                .endSpec().withStatus(job.getStatus()).build());
    }

    static SlimStore<Pod> forPods() {
        return new SlimStore<>(pod -> new PodBuilder().withMetadata(meta(pod)).withStatus(pod.getStatus()).build());
    }

    private static ObjectMeta meta(HasMetadata resource) {
        ObjectMeta meta = resource.getMetadata();
        return new ObjectMetaBuilder().withName(meta.getName()).withNamespace(meta.getNamespace()).withUid(meta.getUid())
                .withResourceVersion(meta.getResourceVersion()).withCreationTimestamp(meta.getCreationTimestamp())
                .withDeletionTimestamp(meta.getDeletionTimestamp()).withLabels(meta.getLabels()).build();
    }

    @Override
    public String getKey(T item) {
        return Cache.metaNamespaceKeyFunc(item);
    }

    @Override
    public T put(String key, T item) {
        return items.put(key, slim.apply(item));
    }

    @Override
    public T remove(String key) {
        return items.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return items.keySet().stream();
    }

    @Override
    public Stream<T> values() {
        return items.values().stream();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public T get(String key) {
        return items.get(key);
    }
}
