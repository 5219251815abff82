package dev.kiln.release.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackageChangesTest {

    private static final PackageList STABLE_4593_2_4 = PackageList.parse("""
            app-containers/docker-27.2.1::portage-stable
            sys-apps/systemd-256.8-r1::portage-stable
            sys-kernel/coreos-kernel-6.6.54::coreos-overlay
            app-misc/jq-1.7.1::portage-stable
            dev-lang/python-3.11.9::portage-stable
            """);
    private static final PackageList STABLE_4593_2_5 = PackageList.parse("""
            app-containers/docker-27.4.1::portage-stable
            sys-apps/systemd-256.8-r1::portage-stable
            sys-kernel/coreos-kernel-6.6.60::coreos-overlay
            sys-apps/ignition-2.20.0::coreos-overlay
            dev-lang/python-3.11.9::portage-stable
            dev-lang/python-3.12.7::portage-stable
            """);

    @Test
    void listsAddedRemovedAndUpdatedPackagesByName() {
        PackageChanges changes = PackageChanges.between(STABLE_4593_2_4, STABLE_4593_2_5);

        assertThat(changes.updated()).containsExactly(
                new PackageChanges.Update("app-containers/docker", "27.2.1", "27.4.1"),
                new PackageChanges.Update("sys-kernel/coreos-kernel", "6.6.54", "6.6.60"));
        assertThat(changes.added()).containsExactly("dev-lang/python-3.12.7", "sys-apps/ignition-2.20.0");
        assertThat(changes.removed()).containsExactly("app-misc/jq-1.7.1");
    }

    @Test
    void theSameListHasNoChanges() {
        assertThat(PackageChanges.between(STABLE_4593_2_5, STABLE_4593_2_5).isEmpty()).isTrue();
    }

    @Test
    void aChangedSlottedPackageIsRemovedAndAddedNotUpdated() {
        PackageList before = PackageList.parse("dev-lang/python-3.11.9::portage-stable\ndev-lang/python-3.12.7::portage-stable\n");
        PackageList after = PackageList.parse("dev-lang/python-3.11.10::portage-stable\ndev-lang/python-3.12.7::portage-stable\n");

        PackageChanges changes = PackageChanges.between(before, after);

        assertThat(changes.updated()).isEmpty();
        assertThat(changes.removed()).containsExactly("dev-lang/python-3.11.9");
        assertThat(changes.added()).containsExactly("dev-lang/python-3.11.10");
    }
}
