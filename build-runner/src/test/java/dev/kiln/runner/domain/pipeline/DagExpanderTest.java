package dev.kiln.runner.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.runner.domain.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DagExpanderTest {

    private static Map<String, RunPlan> expand(String pipeline, List<String> arches, List<String> vendors) {
        return DagExpander.expand(Fixtures.bundled(pipeline), arches, vendors).stream()
                .collect(Collectors.toMap(RunPlan::key, Function.identity()));
    }

    @Test
    void fansTheFullPipelineOutPerArchAndVendor() {
        Map<String, RunPlan> runs = expand("full", List.of("amd64", "arm64"), List.of("qemu_uefi", "aws", "gce", "qemu"));

        assertThat(runs.keySet()).containsExactlyInAnyOrder(
                "sdk_bootstrap", "sdk_container",
                "packages-amd64", "packages-arm64", "push_pkgs-amd64", "push_pkgs-arm64", "image-amd64", "image-arm64",
                "vms-amd64-qemu_uefi", "vms-amd64-aws", "vms-amd64-gce", "vms-arm64-qemu_uefi", "vms-arm64-aws",
                "tests-amd64-qemu_uefi", "tests-amd64-aws", "tests-amd64-gce", "tests-amd64-qemu",
                "tests-arm64-qemu_uefi", "tests-arm64-aws", "tests-arm64-qemu");
    }

    @Test
    void linksEachRunToTheMatchingRunsOfTheStepsItNeeds() {
        Map<String, RunPlan> runs = expand("full", List.of("amd64", "arm64"), List.of("qemu_uefi", "aws", "qemu"));

        assertThat(runs.get("sdk_bootstrap").needs()).isEmpty();
        assertThat(runs.get("packages-arm64").needs()).containsExactly("sdk_container");
        assertThat(runs.get("image-arm64").needs()).containsExactly("packages-arm64");
        assertThat(runs.get("vms-arm64-aws").needs()).containsExactly("image-arm64");
        assertThat(runs.get("tests-amd64-aws").needs()).containsExactly("image-amd64", "vms-amd64-aws");
    }

    @Test
    void testsOfAGenericImageVendorWaitOnlyForTheImage() {
        Map<String, RunPlan> runs = expand("os", List.of("amd64"), List.of("qemu", "qemu_uefi"));

        assertThat(runs).doesNotContainKey("vms-amd64-qemu");
        assertThat(runs.get("tests-amd64-qemu").needs()).containsExactly("image-amd64");
        assertThat(runs.get("tests-amd64-qemu_uefi").needs()).containsExactly("image-amd64", "vms-amd64-qemu_uefi");
    }

    @Test
    void onlyVendorsWithATestScriptGetATestRun() {
        Map<String, RunPlan> runs = expand("os", List.of("amd64"), List.of("kubevirt", "qemu_uefi"));

        assertThat(runs).containsKeys("vms-amd64-kubevirt", "tests-amd64-qemu_uefi").doesNotContainKey("tests-amd64-kubevirt");
    }

    @Test
    void aStepThatIsNotFannedOutWaitsForEveryArchOfAFannedOutOne() {
        Map<String, RunPlan> runs = expand("sysext", List.of("amd64", "arm64"), List.of());

        assertThat(runs.keySet()).containsExactlyInAnyOrder("sysext-amd64", "sysext-arm64", "sysext_release");
        assertThat(runs.get("sysext_release").needs()).containsExactly("sysext-amd64", "sysext-arm64");
    }

    @Test
    void aBuildWithoutVendorsHasNoVendorRuns() {
        Map<String, RunPlan> runs = expand("os", List.of("arm64"), List.of());

        assertThat(runs.keySet()).containsExactlyInAnyOrder("packages-arm64", "push_pkgs-arm64", "image-arm64");
    }
}
