package dev.kiln.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestsTest {

    private static final List<String> SERVICES = List.of("version-service", "build-runner", "artifact-service",
            "release-service", "console");

    static Stream<Path> objectFiles() {
        return Manifests.yamlFiles().stream().filter(p -> !Manifests.isKustomization(p));
    }

    static Stream<Path> kustomizations() {
        return Manifests.yamlFiles().stream().filter(Manifests::isKustomization);
    }

    @ParameterizedTest
    @MethodSource("objectFiles")
    void everyDocumentIsAKnownKubernetesKind(Path file) {
        List<HasMetadata> objects = Manifests.objects(file);

        assertThat(objects).isNotEmpty().allSatisfy(o -> {
            assertThat(o).as(file + ": " + o.getKind()).isNotInstanceOf(GenericKubernetesResource.class);
            assertThat(o.getMetadata().getName()).as(file.toString()).isNotBlank();
        });
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void kustomizationsReferenceFilesThatExist(Path file) {
        JsonNode kustomization = Manifests.tree(file);
        Set<String> referenced = new HashSet<>();
        kustomization.path("resources").forEach(r -> referenced.add(r.asText()));
        kustomization.path("patches").forEach(p -> referenced.add(p.path("path").asText()));

        assertThat(referenced).isNotEmpty()
                .allSatisfy(ref -> assertThat(file.getParent().resolve(ref)).as(file + " -> " + ref).exists());
    }

    @Test
    void everyServiceRunsHardenedAndProbedOnItsHealthEndpoints() {
        List<Deployment> deployments = deployments();

        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Deployment deployment : deployments) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().getFirst();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(container.getEnvFrom()).anySatisfy(e -> assertThat(e.getConfigMapRef().getName())
                    .isEqualTo("kiln-config"));
        }
    }

    @Test
    void everyVariableTheManifestsSetIsReadByTheServices() throws IOException {
        Set<String> set = new HashSet<>();
        for (HasMetadata o : Manifests.objects("base")) {
            if (o instanceof ConfigMap cm) {
                set.addAll(cm.getData().keySet());
            }
        }
        deployments().forEach(d -> d.getSpec().getTemplate().getSpec().getContainers()
                .forEach(c -> c.getEnv().stream().map(EnvVar::getName).filter(n -> n.startsWith("KILN_")).forEach(set::add)));

        Set<String> read = variablesReadByServices();

        set.removeAll(read);
        assertThat(set).as("set by k8s/ but read by no service's application.properties").isEmpty();
    }

    @Test
    void everySecretKeyTheManifestsUseIsInTheDevSecret() {
        Set<String> devKeys = new HashSet<>();
        Manifests.tree(Manifests.ROOT.resolve("overlays/dev/kustomization.yaml")).path("secretGenerator")
                .forEach(g -> g.path("literals").forEach(l -> devKeys.add(l.asText().split("=")[0])));
        Set<String> used = new HashSet<>();
        for (Deployment d : deployments()) {
            d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> c.getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .filter(e -> !Boolean.TRUE.equals(e.getValueFrom().getSecretKeyRef().getOptional()))
                    .forEach(e -> used.add(e.getValueFrom().getSecretKeyRef().getKey())));
            d.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getSecret() != null)
                    .forEach(v -> v.getSecret().getItems().forEach(i -> used.add(i.getKey())));
        }

        assertThat(devKeys).containsAll(used);
    }

    @Test
    void buildRunnerMayManageJobsAndStepTokenSecretsAndReadPodLogsAndEventsButNothingMore() {
        Role role = Manifests.objects("base").stream().filter(Role.class::isInstance).map(Role.class::cast)
                .filter(r -> r.getMetadata().getName().equals("build-runner")).findFirst().orElseThrow();

        Set<String> resources = role.getRules().stream().flatMap(r -> r.getResources().stream())
                .collect(Collectors.toSet());
        assertThat(resources).containsExactlyInAnyOrder("jobs", "secrets", "pods", "pods/log", "events");
        assertThat(role.getRules()).filteredOn(r -> r.getResources().contains("jobs"))
                .allSatisfy(r -> assertThat(r.getVerbs()).containsExactlyInAnyOrder("get", "list", "watch", "create",
                        "delete"));
        assertThat(role.getRules()).filteredOn(r -> r.getResources().contains("secrets"))
                .allSatisfy(r -> assertThat(r.getVerbs()).containsExactlyInAnyOrder("get", "create", "update", "patch",
                        "delete"));
        assertThat(role.getRules()).filteredOn(r -> !r.getResources().contains("jobs")
                        && !r.getResources().contains("secrets"))
                .allSatisfy(r -> assertThat(r.getVerbs()).doesNotContain("create", "update", "patch", "delete"));
    }

    @Test
    void theBincacheGatewayRunsHardenedWithItsFilesWhereItsConfigurationLooksForThem() throws IOException {
        Deployment gateway = allDeployments().stream().filter(d -> d.getMetadata().getName().equals("bincache"))
                .findFirst().orElseThrow();
        var pod = gateway.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();
        Set<String> mounts = container.getVolumeMounts().stream().map(VolumeMount::getMountPath).collect(Collectors.toSet());
        String sshd = Files.readString(Manifests.ROOT.resolve("bincache/sshd_config"));
        String entrypoint = Files.readString(Manifests.ROOT.resolve("bincache/kiln-bincache-gateway"));

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(sshd).contains("HostKey /var/lib/kiln-bincache/", "AuthorizedKeysFile /etc/kiln-bincache/keys/",
                "ForceCommand /usr/local/bin/kiln-bincache-command", "PasswordAuthentication no");
        assertThat(entrypoint).contains("/var/lib/kiln-bincache}", "${etc}/tls}");
        assertThat(mounts).contains("/var/lib/kiln-bincache", "/etc/kiln-bincache/keys", "/etc/kiln-bincache/tls",
                "/var/run/secrets/kiln/cache-token");
        assertThat(container.getEnv()).anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue())
                .isEqualTo("KILN_CACHE_TOKEN_FILE=/var/run/secrets/kiln/cache-token/token"));
        assertThat(container.getEnv()).anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue())
                .isEqualTo("KILN_CACHE_URL=http://artifact-service:8080/cache"));
    }

    @Test
    void theBincacheServiceAnswersOnFlatcarsPorts() {
        Service service = Manifests.objects("base").stream()
                .filter(Service.class::isInstance)
                .map(Service.class::cast)
                .filter(s -> s.getMetadata().getName().equals("bincache")).findFirst().orElseThrow();

        assertThat(service.getSpec().getPorts()).extracting(p -> p.getPort() + "->" + p.getTargetPort().getStrVal())
                .containsExactlyInAnyOrder("22->ssh", "80->http", "443->https");
    }

    /** The four Java services' and the console's Deployments. */
    private static List<Deployment> deployments() {
        return allDeployments().stream().filter(d -> SERVICES.contains(d.getMetadata().getName())).toList();
    }

    private static List<Deployment> allDeployments() {
        return Manifests.objects("base").stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .toList();
    }

    private static Set<String> variablesReadByServices() throws IOException {
        Pattern reference = Pattern.compile("\\$\\{(KILN_[A-Z0-9_]+)");
        Set<String> read = new HashSet<>();
        for (String service : SERVICES) {
            Path properties = Manifests.REPO.resolve(service).resolve("src/main/resources/application.properties");
            Matcher m = reference.matcher(Files.readString(properties));
            while (m.find()) {
                read.add(m.group(1));
            }
        }
        return read;
    }
}
