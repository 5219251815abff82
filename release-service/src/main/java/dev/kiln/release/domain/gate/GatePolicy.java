package dev.kiln.release.domain.gate;

import dev.kiln.flatcar.Channel;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a release of {@code channel} must show before it is published: its {@code suites} passed (a suite passes
 * when one of its first {@code flakeAttempts} attempts passes), its source release soaked {@code minimumSoak}
 * in the previous channel, and {@code requiredApprovals} releasers approved it. {@code autoPublish} publishes
 * as soon as the gates hold; {@code autoRollback} rolls the channel back when a gate of the published release is
 * revoked. Plain values; reading them from YAML is the config layer's job, which calls {@link #validate()}.
 */
public record GatePolicy(Channel channel, List<RequiredSuite> suites, int flakeAttempts, Duration minimumSoak,
        int requiredApprovals, boolean autoPublish, boolean autoRollback) {

    public GatePolicy {
        suites = suites == null ? List.of() : List.copyOf(suites);
    }

    /** The channel a policy file names; an unknown name is a policy error, not a crash. */
    public static Channel channel(String id) {
        return Channel.ofId(id).orElseThrow(() -> new InvalidGatePolicyException(
                "unknown channel '" + id + "'; channels are alpha, beta, stable, lts"));
    }

    /** Refuses a policy that could never be met or means nothing; returns it for chaining. */
    public GatePolicy validate() {
        if (channel == null) {
            throw new InvalidGatePolicyException("a gate policy names its channel: alpha, beta, stable or lts");
        }
        if (flakeAttempts < 1) {
            throw invalid("flakeAttempts is " + flakeAttempts + "; at least one attempt is needed to pass");
        }
        if (requiredApprovals < 0) {
            throw invalid("requiredApprovals is " + requiredApprovals + "; it counts releasers, 0 or more");
        }
        if (minimumSoak == null || minimumSoak.isNegative()) {
            throw invalid("minimumSoak is " + minimumSoak + "; it is a duration of 0 or more");
        }
        // alpha releases start new majors: there is no previous channel to soak in
        if (channel == Channel.ALPHA && !minimumSoak.isZero()) {
            throw invalid("minimumSoak is " + minimumSoak + " but alpha has no previous channel to soak in");
        }
        validateSuites();
        return this;
    }

    private void validateSuites() {
        Set<String> seen = new HashSet<>();
        for (RequiredSuite required : suites) {
            if (required == null || required.suite() == null || required.suite().isBlank() || required.per() == null) {
                throw invalid("every required suite has a name and says whether it is per arch or per vendor");
            }
            if (!seen.add(required.suite())) {
                throw invalid("suite '" + required.suite() + "' is required twice");
            }
            if (required.listed().stream().anyMatch(t -> t == null || t.isBlank())) {
                throw invalid("suite '" + required.suite() + "' lists a blank target");
            }
        }
    }

    private InvalidGatePolicyException invalid(String detail) {
        return new InvalidGatePolicyException(channel.id() + " policy: " + detail);
    }
}
