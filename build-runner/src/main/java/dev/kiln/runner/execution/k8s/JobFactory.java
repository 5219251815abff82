package dev.kiln.runner.execution.k8s;

import dev.kiln.runner.domain.pipeline.PodSettings;
import dev.kiln.runner.domain.pipeline.SecretEnv;
import dev.kiln.runner.domain.port.StepLaunch;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the Job for one step run attempt, as a pure function of the rendered step and the shared
 * settings: deterministic name and labels, {@code backoffLimit: 0} (retries are Kiln's),
 * {@code activeDeadlineSeconds} from the step's timeout, {@code ttlSecondsAfterFinished}; an init
 * container clones the scripts repository at the tag into {@code /work/scripts}, where the step runs with
 * the env contract, the cache URL and the cache token from a Secret. A step with {@code dockerDaemon} gets a
 * Docker-in-Docker sidecar (a native sidecar: it starts before the step and ends with it) that sees the
 * step's volumes at the same paths, so that {@code docker run -v $PWD:...} in Flatcar's wrappers works; the
 * step's resources go to the daemon, where its containers run. With a bincache gateway configured, the step
 * gets {@code BUILDCACHE_SERVER} and the gateway's ssh key, so that Flatcar's copy_to_buildcache works unchanged.
 */
public final class JobFactory {

    public static final String WORKSPACE = "/work";
    public static final String SCRIPTS = WORKSPACE + "/scripts";
    static final String STEP_CONTAINER = "step";
    static final String CHECKOUT_CONTAINER = "checkout";
    static final String DOCKER_CONTAINER = "docker";
    static final String DOCKER_SOCKET_DIR = "/run/kiln-docker";
    static final String DOCKER_HOST = "unix://" + DOCKER_SOCKET_DIR + "/docker.sock";
    static final String BINCACHE_SSH_VOLUME = "bincache-ssh";

    private JobFactory() {
    }

    public static Job build(StepLaunch launch, JobSettings settings) {
        String name = JobNames.of(launch.handle());
        Map<String, String> labels = labels(launch);
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        podLabels.put(Labels.JOB, name);
        PodSettings pod = launch.pod();
        return new JobBuilder()
                .withNewMetadata()
                    .withName(name).withNamespace(settings.namespace()).withLabels(labels)
                    .addToAnnotations(Labels.TAG_ANNOTATION, launch.tag())
                .endMetadata()
                .withNewSpec()
                    .withBackoffLimit(0)
                    .withActiveDeadlineSeconds(Math.max(1, launch.timeout().toSeconds()))
                    .withTtlSecondsAfterFinished(settings.ttlSecondsAfterFinished())
                    .withNewTemplate()
                        .withNewMetadata().withLabels(podLabels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .withServiceAccountName(pod.serviceAccount())
                            .withNodeSelector(pod.nodeSelector().isEmpty() ? null : new TreeMap<>(pod.nodeSelector()))
                            .withTolerations(tolerations(pod))
                            .withHostNetwork(pod.hostNetwork() ? true : null)
                            .withDnsPolicy(pod.hostNetwork() ? "ClusterFirstWithHostNet" : null)
                            .withInitContainers(initContainers(launch, settings))
                            .withContainers(step(launch, settings))
                            .withVolumes(volumes(pod, settings))
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    private static Map<String, String> labels(StepLaunch launch) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_KILN);
        labels.put(Labels.COMPONENT, "step");
        labels.put(Labels.BUILD, launch.handle().buildId());
        labels.put(Labels.STEP, launch.step());
        labels.put(Labels.RUN, launch.handle().runKey());
        labels.put(Labels.ATTEMPT, Integer.toString(launch.handle().attempt()));
        if (launch.arch() != null) {
            labels.put(Labels.ARCH, launch.arch());
        }
        if (launch.vendor() != null) {
            labels.put(Labels.VENDOR, launch.vendor());
        }
        return labels;
    }

    private static List<Container> initContainers(StepLaunch launch, JobSettings settings) {
        return launch.pod().dockerDaemon() ? List.of(checkout(launch, settings), dockerDaemon(launch.pod(), settings))
                : List.of(checkout(launch, settings));
    }

    private static Container dockerDaemon(PodSettings pod, JobSettings settings) {
        List<VolumeMount> mounts = new ArrayList<>(mounts(pod));
        mounts.add(mount("docker-data", "/var/lib/docker", false));
        ContainerBuilder daemon = new ContainerBuilder()
                .withName(DOCKER_CONTAINER)
                .withImage(settings.dockerImage())
                .withImagePullPolicy(settings.imagePullPolicy())
                .withRestartPolicy("Always")
                .withArgs("--host=" + DOCKER_HOST)
                .withEnv(new EnvVar("DOCKER_TLS_CERTDIR", "", null))
                .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                .withNewStartupProbe()
                    .withNewExec().withCommand("docker", "--host=" + DOCKER_HOST, "version").endExec()
                    .withPeriodSeconds(2).withFailureThreshold(90)
                .endStartupProbe()
                .withVolumeMounts(mounts);
        resources(daemon, pod);
        return daemon.build();
    }

    private static Container checkout(StepLaunch launch, JobSettings settings) {
        return new ContainerBuilder()
                .withName(CHECKOUT_CONTAINER)
                .withImage(settings.gitImage())
                .withImagePullPolicy(settings.imagePullPolicy())
                .withCommand("git", "-c", "advice.detachedHead=false", "clone", "--quiet", "--depth", "1",
                        "--branch", launch.tag(), settings.scriptsRepoUrl(), SCRIPTS)
                .withVolumeMounts(mount("workspace", WORKSPACE, false))
                .build();
    }

    private static Container step(StepLaunch launch, JobSettings settings) {
        PodSettings pod = launch.pod();
        ContainerBuilder container = new ContainerBuilder()
                .withName(STEP_CONTAINER)
                .withImage(launch.image())
                .withImagePullPolicy(settings.imagePullPolicy())
                .withCommand(launch.command())
                .withWorkingDir(SCRIPTS)
                .withEnv(env(launch, settings))
                .withVolumeMounts(stepMounts(pod, settings));
        if (pod.privileged()) {
            container.withNewSecurityContext().withPrivileged(true).endSecurityContext();
        }
        if (!pod.dockerDaemon()) {
            resources(container, pod);
        }
        return container.build();
    }

    private static void resources(ContainerBuilder container, PodSettings pod) {
        if (!pod.requests().isEmpty() || !pod.limits().isEmpty()) {
            container.withNewResources().withRequests(quantities(pod.requests())).withLimits(quantities(pod.limits()))
                    .endResources();
        }
    }

    private static List<EnvVar> env(StepLaunch launch, JobSettings settings) {
        List<EnvVar> env = new ArrayList<>();
        launch.env().forEach((name, value) -> env.add(new EnvVar(name, value, null)));
        env.add(new EnvVar("KILN_CACHE_URL", settings.cacheUrl(), null));
        env.add(secretEnv("KILN_CACHE_TOKEN", StepTokenSecret.nameOf(launch.handle().buildId()), StepTokenSecret.KEY));
        if (settings.bincache() != null) {
            env.add(new EnvVar("BUILDCACHE_SERVER", settings.bincache().server(), null));
        }
        if (launch.pod().dockerDaemon()) {
            env.add(new EnvVar("DOCKER_HOST", DOCKER_HOST, null));
        }
        for (SecretEnv secret : launch.secrets()) {
            env.add(secretEnv(secret.env(), secret.secret(), secret.key()));
        }
        return env;
    }

    private static EnvVar secretEnv(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef()
                .withName(secret).withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    private static List<VolumeMount> stepMounts(PodSettings pod, JobSettings settings) {
        List<VolumeMount> mounts = mounts(pod);
        if (settings.bincache() != null) {
            mounts.add(mount(BINCACHE_SSH_VOLUME, settings.bincache().sshDir(), true));
        }
        return mounts;
    }

    private static List<VolumeMount> mounts(PodSettings pod) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(mount("workspace", WORKSPACE, false));
        mounts.add(mount("tmp", "/tmp", false));
        if (pod.hostDev()) {
            mounts.add(mount("host-dev", "/dev", false));
        }
        if (pod.dockerDaemon()) {
            mounts.add(mount("docker-socket", DOCKER_SOCKET_DIR, false));
        }
        pod.volumes().forEach(v -> mounts.add(mount(v.name(), v.mountPath(), v.readOnly())));
        return mounts;
    }

    private static VolumeMount mount(String name, String path, boolean readOnly) {
        return new VolumeMountBuilder().withName(name).withMountPath(path).withReadOnly(readOnly ? true : null).build();
    }

    private static List<Volume> volumes(PodSettings pod, JobSettings settings) {
        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName("workspace").withNewEmptyDir().endEmptyDir().build());
        volumes.add(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
        if (pod.hostDev()) {
            volumes.add(new VolumeBuilder().withName("host-dev").withNewHostPath().withPath("/dev")
                    .withType("Directory").endHostPath().build());
        }
        if (pod.dockerDaemon()) {
            volumes.add(new VolumeBuilder().withName("docker-socket").withNewEmptyDir().endEmptyDir().build());
            volumes.add(new VolumeBuilder().withName("docker-data").withNewEmptyDir().endEmptyDir().build());
        }
        if (settings.bincache() != null) {
            // ssh refuses a private key that others may read; optional so that steps run before the key exists.
            volumes.add(new VolumeBuilder().withName(BINCACHE_SSH_VOLUME).withNewSecret()
                    .withSecretName(settings.bincache().sshSecret()).withDefaultMode(0400).withOptional(true)
                    .endSecret().build());
        }
        pod.volumes().forEach(v -> volumes.add(volume(v)));
        return volumes;
    }

    private static Volume volume(PodSettings.Volume v) {
        VolumeBuilder volume = new VolumeBuilder().withName(v.name());
        return switch (v.kind()) {
            case EMPTY_DIR -> volume.withNewEmptyDir().withMedium(v.medium())
                    .withSizeLimit(v.sizeLimit() == null ? null : new Quantity(v.sizeLimit())).endEmptyDir().build();
            case HOST_PATH -> volume.withNewHostPath().withPath(v.source()).endHostPath().build();
            case PERSISTENT_VOLUME_CLAIM -> volume.withNewPersistentVolumeClaim().withClaimName(v.source())
                    .withReadOnly(v.readOnly() ? true : null).endPersistentVolumeClaim().build();
            case SECRET -> volume.withNewSecret().withSecretName(v.source()).withOptional(v.optional() ? true : null)
                    .endSecret().build();
            case CONFIG_MAP -> volume.withNewConfigMap().withName(v.source()).withOptional(v.optional() ? true : null)
                    .endConfigMap().build();
        };
    }

    private static List<Toleration> tolerations(PodSettings pod) {
        return pod.tolerations().stream().map(t -> new TolerationBuilder().withKey(t.key()).withOperator(t.operator())
                .withValue(t.value()).withEffect(t.effect()).withTolerationSeconds(t.tolerationSeconds()).build())
                .toList();
    }

    private static Map<String, Quantity> quantities(Map<String, String> values) {
        Map<String, Quantity> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, new Quantity(v)));
        return out.isEmpty() ? null : out;
    }
}
