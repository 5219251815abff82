package dev.kiln.release.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageListTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sys-kernel/coreos-kernel-6.6.60::coreos-overlay | sys-kernel/coreos-kernel | 6.6.60   | coreos-overlay",
            "sys-apps/systemd-256.8-r1::portage-stable       | sys-apps/systemd         | 256.8-r1 | portage-stable",
            "app-containers/docker-27.4.1::portage-stable    | app-containers/docker    | 27.4.1   | portage-stable",
            "sys-apps/ignition-2.20.0::coreos-overlay        | sys-apps/ignition        | 2.20.0   | coreos-overlay",
            "app-emulation/open-vm-tools-12.3.0::portage-stable | app-emulation/open-vm-tools | 12.3.0 | portage-stable",
            "dev-lang/python-3.11.9_p1-r1::portage-stable    | dev-lang/python          | 3.11.9_p1-r1 | portage-stable",
            "sys-libs/glibc-2.40-r5                          | sys-libs/glibc           | 2.40-r5  | ",
            "app-misc/ca-certificates-3.107::coreos-overlay  | app-misc/ca-certificates | 3.107    | coreos-overlay"})
    void readsAtomVersionAndRepositoryOfALine(String line, String atom, String version, String repository) {
        PackageList list = PackageList.parse(line + "\n");

        assertThat(list.packages()).containsExactly(new ImagePackage(atom, version, repository));
        assertThat(list.skipped()).isZero();
    }

    @Test
    void skipsBlankCommentAndMalformedLinesAndCountsTheMalformed() {
        PackageList list = PackageList.parse("""
                # packages of the generic image
                sys-apps/systemd-256.8-r1::portage-stable

                not a package line
                sys-apps/coreutils::portage-stable
                """);

        assertThat(list.packages()).extracting(ImagePackage::atom).containsExactly("sys-apps/systemd");
        assertThat(list.skipped()).isEqualTo(2);
    }

    @Test
    void upstreamVersionDropsTheEbuildRevision() {
        assertThat(new ImagePackage("sys-apps/systemd", "256.8-r1", null).upstreamVersion()).isEqualTo("256.8");
        assertThat(new ImagePackage("sys-kernel/coreos-kernel", "6.6.60", null).upstreamVersion()).isEqualTo("6.6.60");
    }

    @Test
    void textReadsBackToTheSameList() {
        PackageList list = PackageList.parse("sys-kernel/coreos-kernel-6.6.60::coreos-overlay\nsys-libs/glibc-2.40-r5\n");

        assertThat(PackageList.parse(list.text())).isEqualTo(list);
    }
}
