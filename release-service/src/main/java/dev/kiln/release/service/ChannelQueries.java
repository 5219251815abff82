package dev.kiln.release.service;

import dev.kiln.flatcar.Channel;
import dev.kiln.release.domain.channel.BoardStore;
import dev.kiln.release.domain.channel.ChannelBoard;
import dev.kiln.release.domain.gate.GatePolicies;
import dev.kiln.release.domain.gate.GatePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads channels: each one's gate policy and board. */
@ApplicationScoped
public class ChannelQueries {

    /** A channel as the API shows it. */
    public record ChannelView(GatePolicy policy, ChannelBoard board) {
    }

    private final GatePolicies policies;
    private final BoardStore boards;

    public ChannelQueries(GatePolicies policies, BoardStore boards) {
        this.policies = policies;
        this.boards = boards;
    }

    @Transactional
    public List<ChannelView> all() {
        return List.of(Channel.values()).stream().map(this::one).toList();
    }

    @Transactional
    public ChannelView one(Channel channel) {
        return new ChannelView(policies.of(channel), boards.load(channel));
    }
}
