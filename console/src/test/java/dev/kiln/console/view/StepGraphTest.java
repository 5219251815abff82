package dev.kiln.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.console.client.Builds;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepGraphTest {

    @Test
    void aRunNeedsTheRunsOfItsArchAndVendorAndAllRunsOfAFannedOutStepWhenItIsNot() {
        List<Builds.StepRun> runs = List.of(run("sdk_container", null, null), run("packages-amd64", "amd64", null, "sdk_container"),
                run("packages-arm64", "arm64", null, "sdk_container"), run("image-amd64", "amd64", null, "packages"),
                run("vms-amd64-qemu_uefi", "amd64", "qemu_uefi", "image"), run("vms-amd64-ami", "amd64", "ami", "image"),
                run("publish", null, null, "vms"));

        StepGraph graph = StepGraph.of(runs);

        assertThat(graph.edges()).containsExactlyInAnyOrder(
                new StepGraph.Edge("sdk_container", "packages-amd64"), new StepGraph.Edge("sdk_container", "packages-arm64"),
                new StepGraph.Edge("packages-amd64", "image-amd64"),
                new StepGraph.Edge("image-amd64", "vms-amd64-qemu_uefi"), new StepGraph.Edge("image-amd64", "vms-amd64-ami"),
                new StepGraph.Edge("vms-amd64-qemu_uefi", "publish"), new StepGraph.Edge("vms-amd64-ami", "publish"));
        assertThat(graph.nodes()).extracting(StepGraph.Node::group)
                .containsExactly("all", "amd64", "arm64", "amd64", "amd64", "amd64", "all");
    }

    private static Builds.StepRun run(String run, String arch, String vendor, String... needs) {
        String step = run.contains("-") ? run.substring(0, run.indexOf('-')) : run;
        return new Builds.StepRun(run, step, arch, vendor, List.of(needs), "pending", 0, null, null, null, null, null,
                List.of(), null, null);
    }
}
