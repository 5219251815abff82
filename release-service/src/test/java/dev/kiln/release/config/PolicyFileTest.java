package dev.kiln.release.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.flatcar.Channel;
import dev.kiln.release.domain.gate.GatePolicies;
import dev.kiln.release.domain.gate.GatePolicy;
import dev.kiln.release.domain.gate.InvalidGatePolicyException;
import dev.kiln.release.domain.gate.RequiredSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyFileTest {

    private static final String ALL_CHANNELS = """
            channels:
              alpha: {suites: [{name: kola, per: vendor}], flakeAttempts: 2, requiredApprovals: 1}
              beta: {suites: [{name: kola, per: vendor}, {name: qemu_update, per: arch, listed: [amd64]}], minimumSoak: 14d}
              stable: {minimumSoak: P28D, requiredApprovals: 2, autoPublish: true}
              lts: {minimumSoak: 36h, autoRollback: true}
            """;

    @Test
    void bundledDefaultFollowsFlatcarsPractice() {
        GatePolicies policies = PolicyFile.load(Optional.empty());

        GatePolicy stable = policies.of(Channel.STABLE);
        assertThat(stable.suites()).containsExactly(RequiredSuite.perVendor("kola"), RequiredSuite.perArch("qemu_update"));
        assertThat(stable.requiredApprovals()).isEqualTo(2);
        assertThat(stable.minimumSoak()).isEqualTo(Duration.ofDays(28));
        assertThat(policies.of(Channel.BETA).minimumSoak()).isEqualTo(Duration.ofDays(14));
        assertThat(policies.of(Channel.ALPHA).minimumSoak()).isZero();
        assertThat(policies.all()).noneMatch(GatePolicy::autoPublish);
    }

    @Test
    void readsEveryKeyWithDefaultsForTheOmittedOnes() {
        GatePolicies policies = PolicyFile.parse(ALL_CHANNELS, "test.yaml");

        assertThat(policies.of(Channel.BETA).suites().get(1)).isEqualTo(new RequiredSuite("qemu_update", RequiredSuite.Per.ARCH, List.of("amd64")));
        assertThat(policies.of(Channel.STABLE).autoPublish()).isTrue();
        assertThat(policies.of(Channel.STABLE).flakeAttempts()).isEqualTo(1);
        assertThat(policies.of(Channel.LTS).minimumSoak()).isEqualTo(Duration.ofHours(36));
        assertThat(policies.of(Channel.LTS).autoRollback()).isTrue();
        assertThat(policies.of(Channel.LTS).requiredApprovals()).isZero();
    }

    @Test
    void loadsAFileNamedByPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("policy.yaml"), ALL_CHANNELS.replace("requiredApprovals: 2", "requiredApprovals: 3"));

        assertThat(PolicyFile.load(Optional.of(file)).of(Channel.STABLE).requiredApprovals()).isEqualTo(3);
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> PolicyFile.load(Optional.of(dir.resolve("nope.yaml"))))
                .isInstanceOf(InvalidGatePolicyException.class).hasMessageContaining("cannot read gate policy file").hasMessageContaining("nope.yaml");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "requiredApprovals: 2|requiredAproovals: 2|channels.stable: unknown key 'requiredAproovals'",
            "requiredApprovals: 2|requiredApprovals: two|channels.stable.requiredApprovals must be a whole number, was 'two'",
            "requiredApprovals: 2|requiredApprovals: -1|stable policy: requiredApprovals is -1",
            "minimumSoak: P28D|minimumSoak: soon|channels.stable.minimumSoak must be like 14d, 36h or P14D, was 'soon'",
            "autoPublish: true|autoPublish: maybe|channels.stable.autoPublish must be true or false, was 'maybe'",
            "per: arch|per: board|per must be arch or vendor, was 'board'",
            "stable:|gamma:|unknown channel 'gamma'",
            "lts: {minimumSoak: 36h, autoRollback: true}|lts: [1]|channels.lts must be a mapping",
            "alpha: {|alpha: {minimumSoak: 1d, |alpha policy: minimumSoak is PT24H but alpha has no previous channel",
    })
    void refusesABadFileNamingTheFileAndTheKey(String from, String to, String message) {
        String yaml = ALL_CHANNELS.replace(from, to);

        assertThatThrownBy(() -> PolicyFile.parse(yaml, "test.yaml")).isInstanceOf(InvalidGatePolicyException.class)
                .hasMessageStartingWith("test.yaml: ").hasMessageContaining(message);
    }

    @Test
    void refusesAFileWithoutAllChannelsOrNotYaml() {
        assertThatThrownBy(() -> PolicyFile.parse("channels:\n  alpha: {}\n", "x.yaml")).hasMessageContaining("no policy for channel beta");
        assertThatThrownBy(() -> PolicyFile.parse("channels: [", "x.yaml")).hasMessageContaining("x.yaml: not valid YAML");
        assertThatThrownBy(() -> PolicyFile.parse("", "x.yaml")).hasMessageContaining("expected a mapping with key 'channels'");
    }
}
