package dev.kiln.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The package changes of a manifest as release-service writes them: one entry per arch. */
class PackageChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEachArchsChangesAgainstThePreviousRelease() throws Exception {
        var manifest = JSON.readTree("""
                {"version": "4593.2.5", "packageChanges": [
                  {"arch": "amd64", "against": "4593.2.4", "added": ["sys-apps/zram-generator-1.1.2"],
                   "removed": [], "updated": [{"name": "sys-kernel/coreos-kernel", "from": "6.6.58", "to": "6.6.60"}]},
                  {"arch": "arm64", "added": [], "removed": [], "updated": []}]}
                """);

        var changes = PackageChanges.of(manifest);

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).arch()).isEqualTo("amd64");
        assertThat(changes.get(0).against()).isEqualTo("4593.2.4");
        assertThat(changes.get(0).added()).containsExactly("sys-apps/zram-generator-1.1.2");
        assertThat(changes.get(0).updated()).containsExactly(
                new PackageChanges.Update("sys-kernel/coreos-kernel", "6.6.58", "6.6.60"));
        assertThat(changes.get(1).against()).isNull();
        assertThat(changes.get(1).empty()).isTrue();
    }

    @Test
    void aManifestWithoutChangesOrWithAnotherShapeGivesNone() throws Exception {
        assertThat(PackageChanges.of(JSON.readTree("{\"version\": \"4790.0.1\"}"))).isEmpty();
        assertThat(PackageChanges.of(JSON.readTree("{\"packageChanges\": {\"added\": []}}"))).isEmpty();
        assertThat(PackageChanges.of(null)).isEmpty();
    }
}
