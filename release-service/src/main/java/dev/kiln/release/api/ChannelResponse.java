package dev.kiln.release.api;

import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.BoardEntry;
import dev.kiln.release.domain.channel.ChannelBoard;
import dev.kiln.release.domain.gate.GatePolicy;
import dev.kiln.release.domain.gate.RequiredSuite;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A channel: its gate policy and, per arch that ever had a release, the current release and its history. */
public record ChannelResponse(String channel, PolicyResponse policy, List<ArchResponse> arches) {

    /** The gate policy; {@code minimumSoak} as ISO-8601 (P14D). */
    public record PolicyResponse(List<SuiteResponse> suites, int flakeAttempts, String minimumSoak, int requiredApprovals,
            boolean autoPublish, boolean autoRollback) {
    }

    /** {@code per}: arch or vendor; {@code listed}: the targets named in the policy, empty for all built. */
    public record SuiteResponse(String name, String per, List<String> listed) {
    }

    public record ArchResponse(String arch, String current, List<EntryResponse> history) {
    }

    /** {@code current}: where the arch pointed after this change (null when nothing servable was left). */
    public record EntryResponse(String action, String version, String current, String actor, String reason, Instant at) {
    }

    static ChannelResponse of(GatePolicy policy, ChannelBoard board) {
        List<ArchResponse> arches = board.history().stream().map(BoardEntry::arch).distinct().sorted()
                .map(arch -> new ArchResponse(arch, board.current(arch).map(Version::toString).orElse(null),
                        board.history(arch).stream().map(ChannelResponse::entry).toList()))
                .toList();
        return new ChannelResponse(policy.channel().id(), policy(policy), arches);
    }

    static PolicyResponse policy(GatePolicy policy) {
        return new PolicyResponse(policy.suites().stream().map(ChannelResponse::suite).toList(), policy.flakeAttempts(),
                policy.minimumSoak().toString(), policy.requiredApprovals(), policy.autoPublish(), policy.autoRollback());
    }

    private static SuiteResponse suite(RequiredSuite suite) {
        return new SuiteResponse(suite.suite(), suite.per().name().toLowerCase(Locale.ROOT), suite.listed());
    }

    private static EntryResponse entry(BoardEntry e) {
        return new EntryResponse(e.action().name().toLowerCase(Locale.ROOT), e.version().toString(),
                e.current().map(Version::toString).orElse(null), e.actor(), e.reason(), e.at());
    }
}
