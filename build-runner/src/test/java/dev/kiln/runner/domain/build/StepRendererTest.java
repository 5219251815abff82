package dev.kiln.runner.domain.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kiln.runner.domain.Fixtures;
import dev.kiln.runner.domain.port.StepLaunch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepRendererTest {

    private static final Instant NOW = Instant.parse("2026-08-21T21:00:00Z");

    private static Build started(String pipeline, VersionInfo version, List<String> vendors, Map<String, String> params) {
        BuildRequest request = new BuildRequest(pipeline, null, version.tag(), List.of("amd64", "arm64"), vendors, params,
                true, "ci");
        Build build = Build.create("k7xq2m4pza", Fixtures.bundled(pipeline), request, NOW);
        build.start(version, NOW);
        return build;
    }

    private static StepLaunch launch(Build build, String run) {
        return StepRenderer.launch(build, build.run(run).orElseThrow());
    }

    @Test
    void runsPackagesWithFlatcarsCallInTheHostImageWithItsOwnDockerDaemon() {
        Build build = started("full", Fixtures.MAIN_NIGHTLY, List.of(), Map.of());

        StepLaunch packages = launch(build, "packages-arm64");

        assertThat(packages.image()).isEqualTo("ghcr.io/kiln-dev/flatcar-host:0.1.0");
        assertThat(packages.command()).containsExactly("/bin/bash", "-e", "-c",
                "source ci-automation/packages.sh\npackages_build arm64\n");
        assertThat(packages.tag()).isEqualTo("main-4799.0.0-nightly-20260821-2100");
        assertThat(packages.pod()).satisfies(pod -> {
            assertThat(pod.dockerDaemon()).as("run_sdk_container needs a Docker daemon").isTrue();
            assertThat(pod.hostNetwork()).as("the SDK runs with --network host").isTrue();
            assertThat(pod.privileged()).isTrue();
            assertThat(pod.hostDev()).isTrue();
        });
    }

    @Test
    void everyWrapperRunsInTheHostImageWhichABuildMayReplace() {
        Build bundled = started("full", Fixtures.MAIN_NIGHTLY, List.of("aws"), Map.of());
        Build own = started("os", Fixtures.STABLE, List.of("aws"), Map.of("hostImage", "registry.example.com/flatcar-ci:7"));

        assertThat(List.of("sdk_bootstrap", "sdk_container", "packages-amd64", "push_pkgs-amd64", "image-amd64",
                "vms-amd64-aws", "tests-amd64-aws")).allSatisfy(run -> assertThat(launch(bundled, run).image())
                        .isEqualTo("ghcr.io/kiln-dev/flatcar-host:0.1.0"));
        assertThat(launch(own, "tests-amd64-aws").image()).isEqualTo("registry.example.com/flatcar-ci:7");
        assertThat(launch(bundled, "vms-amd64-aws").command().get(3)).contains("vm_build amd64 ami ami_vmdk");
        assertThat(launch(bundled, "tests-amd64-aws").command().get(3)).contains("test_run amd64 aws");
    }

    @Test
    void declaresOutputsWithTheRightVersionSpellingPerCacheTree() {
        Build build = started("full", Fixtures.MAIN_NIGHTLY, List.of("vmware"), Map.of());

        assertThat(StepRenderer.outputs(build, build.run("packages-amd64").orElseThrow())).containsExactly(
                "containers/4799.0.0-nightly-20260821-2100/flatcar-packages-amd64-4799.0.0-nightly-20260821-2100.tar.zst",
                "build-logs/4799.0.0+nightly-20260821-2100/packages-amd64-logs-*.tar.xz");
        assertThat(StepRenderer.outputs(build, build.run("push_pkgs-amd64").orElseThrow())).containsExactly(
                "boards/amd64-usr/4799.0.0+nightly-20260821-2100/pkgs/Packages");
        assertThat(StepRenderer.outputs(build, build.run("vms-amd64-vmware").orElseThrow())).containsExactly(
                "images/amd64/4799.0.0+nightly-20260821-2100/flatcar_production_vmware_*");
        assertThat(StepRenderer.outputs(build, build.run("tests-amd64-vmware").orElseThrow())).containsExactly(
                "testing/4799.0.0+nightly-20260821-2100/amd64/vmware/results-vmware.tap");
    }

    @Test
    void packagesLogsOfAReleaseBranchBuildLandUnderTheSdkVersion() {
        Build build = started("os", Fixtures.STABLE, List.of(), Map.of());

        assertThat(StepRenderer.outputs(build, build.run("packages-arm64").orElseThrow())).containsExactly(
                "containers/4593.2.5/flatcar-packages-arm64-4593.2.5.tar.zst",
                "build-logs/4593.0.0/packages-arm64-logs-*.tar.xz");
    }

    @Test
    void givesEveryStepTheEnvContract() {
        Build build = started("os", Fixtures.LTS_NIGHTLY, List.of("qemu_uefi"), Map.of());

        Map<String, String> env = launch(build, "vms-arm64-qemu_uefi").env();

        assertThat(env).containsEntry("KILN_TAG", "lts-4081.3.10-nightly-20260821-2100")
                .containsEntry("KILN_VERSION", "4081.3.10+nightly-20260821-2100")
                .containsEntry("KILN_VERSION_ID", "4081.3.10")
                .containsEntry("KILN_BUILD_ID", "nightly-20260821-2100")
                .containsEntry("KILN_SDK_VERSION", "4081.0.0")
                .containsEntry("KILN_ARCH", "arm64")
                .containsEntry("KILN_VENDOR", "qemu_uefi")
                .containsEntry("KILN_CHANNEL", "lts")
                .containsEntry("KILN_BUILD", "k7xq2m4pza")
                .containsEntry("KILN_STEP", "vms")
                .containsEntry("KILN_RUN", "vms-arm64-qemu_uefi");
        assertThat(launch(build, "packages-arm64").env()).containsEntry("KILN_VENDOR", "");
    }

    @Test
    void fillsParametersFromTheBuildOverTheirDefaults() {
        Build build = started("sysext", Fixtures.MAIN_NIGHTLY, List.of(),
                Map.of("extension", "kubernetes", "extensionVersion", "v1.33.2"));

        assertThat(launch(build, "sysext-amd64").command().get(3)).contains("sysext_build kubernetes v1.33.2 x86-64");
        assertThat(StepRenderer.outputs(build, build.run("sysext_release").orElseThrow())).containsExactly(
                "sysexts/kubernetes-v1.33.2/SHA256SUMS", "sysexts/kubernetes-v1.33.2/kubernetes.conf");
        assertThat(launch(build, "sysext_release").command().get(3)).contains("extensions.flatcar.org");
    }

    @Test
    void storesLogsPerStepRunUnderThePlusSpellingOfTheVersion() {
        Build build = started("os", Fixtures.MAIN_NIGHTLY, List.of("qemu_uefi"), Map.of());
        StepRun run = build.run("vms-amd64-qemu_uefi").orElseThrow();

        assertThat(StepRenderer.logPath(build, run, 1, false))
                .isEqualTo("build-logs/4799.0.0+nightly-20260821-2100/vms-amd64-qemu_uefi.log");
        assertThat(StepRenderer.logPath(build, run, 1, true))
                .isEqualTo("build-logs/4799.0.0+nightly-20260821-2100/vms-amd64-qemu_uefi.attempt-1.log");
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "os"})
    void theTestsStepHandsTheBincacheNameToTheMantleContainerThroughSdkContainerEnv(String pipeline,
            @TempDir Path checkout) throws Exception {
        StepLaunch tests = launch(bundled(pipeline, List.of("aws")), "tests-amd64-aws");
        Files.createDirectories(checkout.resolve("sdk_container"));
        Files.writeString(checkout.resolve("sdk_container/.env"), "export AWS_REGION=us-east-1\n");
        stub(checkout, "test.sh", "test_run() { cat sdk_container/.env; }");

        String output = run(tests, checkout, Map.of("BUILDCACHE_SERVER", "bincache.ci.example.com"));

        assertThat(output).isEqualTo("export AWS_REGION=us-east-1\nexport BUILDCACHE_SERVER=bincache.ci.example.com\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "os"})
    void pushPkgsHandsTheBincacheKeyToTheSdkContainerThroughAnAgentAndStopsIt(String pipeline,
            @TempDir Path checkout, @TempDir Path home) throws Exception {
        StepLaunch pushPkgs = launch(bundled(pipeline, List.of()), "push_pkgs-amd64");
        Files.createDirectories(home.resolve(".ssh"));
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kiln-step-key", "-f",
                home.resolve(".ssh/id_ed25519").toString()).start().waitFor();
        stub(checkout, "push_pkgs.sh", "push_packages() { ssh-add -l; echo \"agent $SSH_AGENT_PID\"; }");

        String output = run(pushPkgs, checkout, Map.of("HOME", home.toString()));

        assertThat(output).contains("kiln-step-key (ED25519)");
        long agent = Long.parseLong(output.substring(output.indexOf("agent ") + 6).strip());
        // ssh-agent -k sends SIGTERM and returns: the agent ends shortly after the step, not at the same instant.
        await("the agent ends with the step").atMost(Duration.ofSeconds(10)).until(() -> !running(agent));
    }

    private static Build bundled(String pipeline, List<String> vendors) {
        return started(pipeline, "full".equals(pipeline) ? Fixtures.MAIN_NIGHTLY : Fixtures.STABLE, vendors, Map.of());
    }

    /** Alive and not a zombie: a daemonised agent that was killed may wait unreaped under a container's init. */
    private static boolean running(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        return Files.exists(stat) && !Files.readString(stat).replaceFirst("^.*\\) ", "").startsWith("Z");
    }

    private static void stub(Path checkout, String script, String body) throws Exception {
        Files.createDirectories(checkout.resolve("ci-automation"));
        Files.writeString(checkout.resolve("ci-automation").resolve(script), body + "\n");
    }

    /** Runs the rendered command in {@code checkout} as an executor does, without the runner's SSH agent. */
    private static String run(StepLaunch launch, Path checkout, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(checkout.toFile()).redirectErrorStream(true);
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
