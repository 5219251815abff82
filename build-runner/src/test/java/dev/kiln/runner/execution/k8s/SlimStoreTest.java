package dev.kiln.runner.execution.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlimStoreTest {

    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/managed-by", "kiln",
            "kiln.dev/build", "k7xq2m4pza", "kiln.dev/run", "image-amd64", "kiln.dev/attempt", "1");

    @Test
    void keepsWhatTheRunnerReadsOfAJobAndDropsItsPodTemplate() {
        SlimStore<Job> store = SlimStore.forJobs();
        Job job = new JobBuilder().withNewMetadata().withName("kiln-k7xq2m4pza-image-amd64-1").withNamespace("kiln")
                .withResourceVersion("4711").withLabels(LABELS).addToAnnotations("note", "dropped").endMetadata()
                .withNewSpec().withActiveDeadlineSeconds(14400L).withBackoffLimit(0).withNewTemplate().withNewSpec()
                .addNewContainer().withName("step").withImage("ghcr.io/flatcar/flatcar-sdk-all:4459.0.0")
                .addNewEnv().withName("KILN_VERSION").withValue("4459.0.0+nightly-20260821-2100").endEnv()
                .endContainer().endSpec().endTemplate().endSpec()
                .withNewStatus().withConditions(new JobConditionBuilder().withType("Complete").withStatus("True").build())
                .withSucceeded(1).endStatus().build();

        store.put(store.getKey(job), job);

        Job kept = store.get("kiln/kiln-k7xq2m4pza-image-amd64-1");
        assertThat(kept.getMetadata().getLabels()).isEqualTo(LABELS);
        assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("4711");
        assertThat(kept.getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(kept.getSpec().getActiveDeadlineSeconds()).isEqualTo(14400L);
        assertThat(kept.getSpec().getTemplate()).isNull();
        assertThat(kept.getStatus()).isEqualTo(job.getStatus());
    }

    @Test
    void keepsAPodsStatusAndCreationTimeButNotItsSpec() {
        SlimStore<Pod> store = SlimStore.forPods();
        Pod pod = new PodBuilder().withNewMetadata().withName("kiln-k7xq2m4pza-image-amd64-1-x7k2p").withNamespace("kiln")
                .withCreationTimestamp("2026-08-21T21:00:06Z").withLabels(LABELS).endMetadata()
                .withNewSpec().addNewContainer().withName("step").endContainer().endSpec()
                .withNewStatus().withPhase("Running").endStatus().build();

        store.put(store.getKey(pod), pod);

        Pod kept = store.get("kiln/kiln-k7xq2m4pza-image-amd64-1-x7k2p");
        assertThat(kept.getMetadata().getCreationTimestamp()).isEqualTo("2026-08-21T21:00:06Z");
        assertThat(kept.getMetadata().getLabels()).isEqualTo(LABELS);
        assertThat(kept.getSpec()).isNull();
        assertThat(kept.getStatus().getPhase()).isEqualTo("Running");
        assertThat(store.size()).isEqualTo(1);
    }
}
