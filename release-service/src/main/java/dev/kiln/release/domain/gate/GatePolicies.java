package dev.kiln.release.domain.gate;

import dev.kiln.flatcar.Channel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The gate policy of every channel, one each: a channel without a policy could never be released to. */
public record GatePolicies(Map<Channel, GatePolicy> byChannel) {

    public GatePolicies {
        byChannel = Map.copyOf(byChannel);
        for (Channel channel : Channel.values()) {
            if (!byChannel.containsKey(channel)) {
                throw new InvalidGatePolicyException("no policy for channel " + channel.id() + "; every channel needs one");
            }
        }
    }

    /** Validates each policy and refuses a channel named twice. */
    public static GatePolicies of(List<GatePolicy> policies) {
        Map<Channel, GatePolicy> byChannel = new EnumMap<>(Channel.class);
        for (GatePolicy policy : policies) {
            policy.validate();
            if (byChannel.put(policy.channel(), policy) != null) {
                throw new InvalidGatePolicyException("channel " + policy.channel().id() + " has two policies");
            }
        }
        return new GatePolicies(byChannel);
    }

    public GatePolicy of(Channel channel) {
        return byChannel.get(channel);
    }

    /** In channel order: alpha, beta, stable, lts. */
    public List<GatePolicy> all() {
        return List.of(Channel.values()).stream().map(byChannel::get).toList();
    }
}
