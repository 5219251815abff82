package dev.kiln.release.domain.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.flatcar.Channel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatePoliciesTest {

    private static GatePolicy policy(Channel channel) {
        return new GatePolicy(channel, List.of(RequiredSuite.perVendor("kola")), 2, Duration.ZERO, 1, false, false);
    }

    @Test
    void holdsOnePolicyPerChannelInChannelOrder() {
        GatePolicies policies = GatePolicies.of(List.of(policy(Channel.LTS), policy(Channel.ALPHA), policy(Channel.STABLE),
                policy(Channel.BETA)));

        assertThat(policies.all()).extracting(GatePolicy::channel)
                .containsExactly(Channel.ALPHA, Channel.BETA, Channel.STABLE, Channel.LTS);
        assertThat(policies.of(Channel.BETA).channel()).isEqualTo(Channel.BETA);
    }

    @Test
    void refusesAMissingChannel() {
        assertThatThrownBy(() -> GatePolicies.of(List.of(policy(Channel.ALPHA), policy(Channel.BETA), policy(Channel.STABLE))))
                .isInstanceOf(InvalidGatePolicyException.class).hasMessageContaining("no policy for channel lts");
    }

    @Test
    void refusesAChannelNamedTwice() {
        assertThatThrownBy(() -> GatePolicies.of(List.of(policy(Channel.ALPHA), policy(Channel.ALPHA))))
                .isInstanceOf(InvalidGatePolicyException.class).hasMessageContaining("alpha has two policies");
    }

    @Test
    void validatesEachPolicy() {
        GatePolicy bad = new GatePolicy(Channel.ALPHA, List.of(), 0, Duration.ZERO, 1, false, false);

        assertThatThrownBy(() -> GatePolicies.of(List.of(bad))).isInstanceOf(InvalidGatePolicyException.class)
                .hasMessageContaining("flakeAttempts is 0");
    }
}
