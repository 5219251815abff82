package dev.kiln.release.domain.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.Channel;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GatePolicyTest {

    private static final List<RequiredSuite> KOLA = List.of(RequiredSuite.perArch("kola"), RequiredSuite.perVendor("boot"));

    static Stream<Arguments> nonsense() {
        return Stream.of(
                Arguments.of("no channel", new GatePolicy(null, KOLA, 3, Duration.ZERO, 1, false, false), "names its channel"),
                Arguments.of("zero flake attempts", new GatePolicy(Channel.BETA, KOLA, 0, Duration.ZERO, 1, false, false), "flakeAttempts"),
                Arguments.of("negative approvals", new GatePolicy(Channel.BETA, KOLA, 3, Duration.ZERO, -1, false, false), "requiredApprovals"),
                Arguments.of("negative soak", new GatePolicy(Channel.STABLE, KOLA, 3, Duration.ofDays(-1), 1, false, false), "minimumSoak"),
                Arguments.of("no soak given", new GatePolicy(Channel.STABLE, KOLA, 3, null, 1, false, false), "minimumSoak"),
                Arguments.of("soak on alpha", new GatePolicy(Channel.ALPHA, KOLA, 3, Duration.ofDays(7), 0, true, false), "no previous channel"),
                Arguments.of("suite twice", new GatePolicy(Channel.BETA, List.of(RequiredSuite.perArch("kola"),
                        RequiredSuite.perVendor("kola")), 3, Duration.ZERO, 1, false, false), "required twice"),
                Arguments.of("blank suite", new GatePolicy(Channel.BETA, List.of(RequiredSuite.perArch(" ")), 3,
                        Duration.ZERO, 1, false, false), "has a name"),
                Arguments.of("blank listed target", new GatePolicy(Channel.BETA, List.of(new RequiredSuite("kola",
                        RequiredSuite.Per.ARCH, List.of(""))), 3, Duration.ZERO, 1, false, false), "blank target"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonsense")
    void refusesNonsense(String name, GatePolicy policy, String message) {
        assertThatThrownBy(policy::validate)
                .isInstanceOfSatisfying(InvalidGatePolicyException.class, e -> {
                    assertThat(e.slug()).isEqualTo("invalid-gate-policy");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                })
                .hasMessageContaining(message);
    }

    @Test
    void acceptsFlatcarLikeStablePolicy() {
        GatePolicy stable = new GatePolicy(Channel.STABLE, KOLA, 3, Duration.ofDays(14), 2, false, true);

        assertThat(stable.validate()).isSameAs(stable);
    }

    @Test
    void refusesAnUnknownChannelName() {
        assertThat(GatePolicy.channel("lts")).isEqualTo(Channel.LTS);
        assertThatThrownBy(() -> GatePolicy.channel("edge"))
                .isInstanceOf(InvalidGatePolicyException.class).hasMessageContaining("unknown channel 'edge'");
    }
}
