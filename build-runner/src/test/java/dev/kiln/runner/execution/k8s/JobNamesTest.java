package dev.kiln.runner.execution.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.runner.domain.port.RunHandle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobNamesTest {

    @ParameterizedTest
    @CsvSource({
            "k7xq2m4pza, packages-amd64, 1, kiln-k7xq2m4pza-packages-amd64-1",
            "k7xq2m4pza, sdk_bootstrap, 2, kiln-k7xq2m4pza-sdk-bootstrap-2",
            "k7xq2m4pza, vms-arm64-qemu_uefi, 1, kiln-k7xq2m4pza-vms-arm64-qemu-uefi-1",
            "k7xq2m4pza, tests-amd64-qemu_uefi_secure, 12, kiln-k7xq2m4pza-tests-amd64-qemu-uefi-secure-12"})
    void namesJobsAfterBuildStepArchVendorAndAttempt(String build, String run, int attempt, String name) {
        assertThat(JobNames.of(new RunHandle(build, run, attempt))).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({
            "k7xq2m4pza, sysext_release_metadata_upload-amd64-vagrant_parallels, 1",
            "k7xq2m4pza, sysext_release_metadata_upload-amd64-vagrant_parallels, 123",
            "k7xq2m4pza, a_very_long_step_name_here-arm64-openstack_mini, 7"})
    void hashTruncatesNamesLongerThanADnsLabelKeepingTheAttempt(String build, String run, int attempt) {
        String name = JobNames.of(new RunHandle(build, run, attempt));

        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
                .startsWith("kiln-" + build + "-").endsWith("-" + attempt);
        assertThat(JobNames.of(new RunHandle(build, run, attempt))).isEqualTo(name);
        assertThat(JobNames.of(new RunHandle(build, run + "x", attempt))).isNotEqualTo(name);
    }
}
