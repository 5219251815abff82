package dev.kiln.runner.execution.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.runner.domain.Fixtures;
import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.BuildRequest;
import dev.kiln.runner.domain.build.BuildState;
import dev.kiln.runner.domain.build.RunState;
import dev.kiln.runner.domain.build.StepRun;
import dev.kiln.runner.domain.build.StepRenderer;
import dev.kiln.runner.domain.build.VersionInfo;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Job of a step run attempt, compared with golden files under {@code src/test/resources/JobFactoryTest/<case>/}.
 * Run with {@code -Dgolden.update=true} to rewrite them after an intended change, then review the diff.
 */
class JobFactoryTest {

    private static final Path GOLDEN = Path.of("src/test/resources/JobFactoryTest");
    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final Instant LAUNCHED = Instant.parse("2026-08-21T21:00:05Z");
    private static final JobSettings SETTINGS = new JobSettings("kiln-builds", "alpine/git:2.47.2",
            "https://git.example.com/flatcar/scripts.git", "http://artifact-service.kiln:8083/cache",
            3600, "IfNotPresent", "docker:28.3.3-dind", null);
    private static final JobSettings WITH_BINCACHE = new JobSettings("kiln-builds", "alpine/git:2.47.2",
            "https://git.example.com/flatcar/scripts.git", "http://artifact-service.kiln:8083/cache",
            3600, "IfNotPresent", "docker:28.3.3-dind",
            new BincacheAccess("bincache.kiln.svc.cluster.local", "kiln-bincache-ssh", "/root/.ssh"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "packages-amd64,      full,   main-nightly, packages-amd64",
            "image-arm64,         os,     stable,       image-arm64",
            "vms-amd64-aws,       os,     stable,       vms-amd64-aws",
            "tests-arm64-qemu,    full,   main-nightly, tests-arm64-qemu",
            "sysext-release,      sysext, main-nightly, sysext_release",
            "secrets-and-volumes, custom, main-nightly, sign-amd64",
            "docker-daemon,       custom, main-nightly, wrapped-arm64"})
    void buildsTheJobOfAStepRunAttempt(String caseName, String pipeline, String version, String run) throws IOException {
        Build build = build(pipeline, "main-nightly".equals(version) ? Fixtures.MAIN_NIGHTLY : Fixtures.STABLE);

        Job job = JobFactory.build(StepRenderer.launch(build, build.run(run).orElseThrow()), SETTINGS);

        assertGolden(caseName, YAML.asYaml(job));
    }

    @Test
    void withABincacheGatewayFlatcarsScriptsGetItsNameAndTheSshKeyOfCopyToBuildcache() throws IOException {
        Build build = build("os", Fixtures.STABLE);

        Job job = JobFactory.build(StepRenderer.launch(build, build.run("image-arm64").orElseThrow()), WITH_BINCACHE);

        assertGolden("bincache-gateway", YAML.asYaml(job));
    }

    /** The build with every run in its first attempt, as the reconciler leaves a launched run. */
    private static Build build(String pipeline, VersionInfo version) {
        Build planned = planned(pipeline, version);
        List<StepRun> launched = planned.runs().stream().map(r -> StepRun.restore(r.key(), r.step(), r.arch(),
                r.vendor(), r.needs(), RunState.STARTING, 1, 0, null, LAUNCHED, null, null, null, List.of(), null))
                .toList();
        return Build.restore(planned.id(), planned.pipeline(), planned.request(), planned.createdAt(), version,
                BuildState.RUNNING, null, LAUNCHED, null, launched);
    }

    private static Build planned(String pipeline, VersionInfo version) {
        BuildRequest request = new BuildRequest(pipeline, null, version.tag(), List.of("amd64", "arm64"),
                List.of("aws", "qemu"), "sysext".equals(pipeline)
                        ? Map.of("extension", "kubernetes", "extensionVersion", "v1.33.2") : Map.of(), true, "ci");
        return Build.create("k7xq2m4pza", "custom".equals(pipeline) ? custom() : Fixtures.bundled(pipeline),
                request, Instant.parse("2026-08-21T21:00:00Z"));
    }

    private static dev.kiln.runner.domain.pipeline.Pipeline custom() {
        return Fixtures.yaml("""
                name: custom
                steps:
                  - name: sign
                    perArch: true
                    image: ghcr.io/flatcar/flatcar-sdk-${arch}:${sdkVersionDocker}
                    command: [./sign_image, "--board=${board}"]
                    args: ["--version=${version}"]
                    env: {SIGNER: buildbot@flatcar.org, TZ: UTC}
                    secrets: [{env: SIGNING_KEY, secret: flatcar-signing, key: private.asc}]
                    serviceAccount: kiln-signer
                    nodeSelector: {kiln.dev/pool: image-builders, kubernetes.io/arch: amd64}
                    tolerations: [{key: dedicated, operator: Equal, value: kiln, effect: NoSchedule}]
                    resources: {requests: {cpu: "2", memory: 4Gi}, limits: {memory: 8Gi}}
                    volumes:
                      - {name: scratch, mountPath: /var/tmp/portage, emptyDir: {sizeLimit: 50Gi}}
                      - {name: ccache, mountPath: /var/cache/ccache, persistentVolumeClaim: flatcar-ccache}
                      - {name: keys, mountPath: /etc/flatcar/keys, secret: flatcar-keys}
                      - {name: config, mountPath: /etc/kiln, configMap: kiln-step-config}
                    timeout: 45m
                  - name: wrapped
                    perArch: true
                    image: ghcr.io/example/flatcar-ci:2026.11
                    run: |
                      source ci-automation/packages.sh
                      packages_build ${arch}
                    dockerDaemon: true
                    hostNetwork: true
                    privileged: true
                    hostDev: true
                    resources: {requests: {cpu: "8", memory: 16Gi}}
                    volumes:
                      - {name: build-output, mountPath: /work/scripts/__build__, emptyDir: {sizeLimit: 200Gi}}
                """);
    }

    private static void assertGolden(String caseName, String actual) throws IOException {
        Path file = GOLDEN.resolve(caseName).resolve("job.yaml");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden file (create it with -Dgolden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
