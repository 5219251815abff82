package dev.kiln.release.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MajorSoftwareTest {

    private static final PackageList AMD64_4593_2_5 = PackageList.parse("""
            app-containers/docker-27.4.1::portage-stable
            app-containers/containerd-1.7.23::portage-stable
            sys-apps/ignition-2.20.0::coreos-overlay
            sys-apps/systemd-256.8-r1::portage-stable
            sys-kernel/coreos-kernel-6.6.60::coreos-overlay
            sys-libs/glibc-2.40-r5::portage-stable
            """);

    @Test
    void readsTheFourMajorPackagesAsFlatcarsFeedShowsThem() {
        Map<String, List<String>> software = MajorSoftware.of(List.of(AMD64_4593_2_5));

        assertThat(software).containsExactly(Map.entry("docker", List.of("27.4.1")), Map.entry("ignition", List.of("2.20.0")),
                Map.entry("kernel", List.of("6.6.60")), Map.entry("systemd", List.of("256")));
    }

    @Test
    void listsEveryDistinctVersionAcrossArches() {
        PackageList arm64 = PackageList.parse("sys-kernel/coreos-kernel-6.6.63::coreos-overlay\nsys-apps/systemd-256.8-r1::portage-stable\n");

        Map<String, List<String>> software = MajorSoftware.of(List.of(AMD64_4593_2_5, arm64));

        assertThat(software.get("kernel")).containsExactly("6.6.60", "6.6.63");
        assertThat(software.get("systemd")).containsExactly("256");
    }

    @Test
    void readsDockerUnderItsOlderCategoryAndLeavesOutWhatIsMissing() {
        PackageList old = PackageList.parse("app-emulation/docker-20.10.12::portage-stable\n");

        assertThat(MajorSoftware.of(List.of(old))).containsExactly(Map.entry("docker", List.of("20.10.12")));
        assertThat(MajorSoftware.of(List.of(PackageList.empty()))).isEmpty();
    }
}
